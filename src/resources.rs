//! What layout and every exporter read from outside the edition, through one interface
//! ([`Resources`], typst's `World` in small): the fonts, and the photos — next to the layout
//! file on disk, or, for the sample edition compiled into the binary, from the bundle, so it
//! opens from any folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::bundle;
use crate::text::{FontBook, FontSources};

/// Where an edition was loaded from; relative photo paths are relative to it, absolute ones
/// are read from disk whatever the origin (see [`photo_path`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Origin {
    /// The layout file's folder.
    Folder(PathBuf),
    /// The sample compiled into the binary, or a new edition not saved yet: relative photo
    /// paths come from the bundle.
    #[default]
    Bundled,
}

impl Origin {
    /// The origin of a layout file at `path`.
    pub fn of_file(path: &Path) -> Self {
        Self::Folder(path.parent().map(Path::to_path_buf).unwrap_or_default())
    }
}

/// A photo's bytes and decoded size, or why it could not be had.
#[derive(Clone, Debug)]
pub struct PhotoData {
    pub bytes: Arc<[u8]>,
    pub width: u32,
    pub height: u32,
    pub format: image::ImageFormat,
}

/// Why a photo is unavailable. The layout shows a placeholder in its place.
#[derive(Clone, Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("{path}: file not found")]
    Missing { path: String },
    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}: not a readable image: {reason}")]
    Corrupt { path: String, reason: String },
    #[error("{path}: {reason}")]
    TooLarge { path: String, reason: String },
}

/// The widest or tallest photo read, in pixels.
pub const MAX_PHOTO_SIDE: u32 = 30_000;

/// The most pixels a photo may have: 100 million (a 100-megapixel camera's).
pub const MAX_PHOTO_PIXELS: u64 = 100_000_000;

/// The most memory decoding one photo may take: 1 GiB.
pub const MAX_PHOTO_ALLOC: u64 = 1 << 30;

/// The largest photo file read: 512 MiB.
pub const MAX_PHOTO_BYTES: u64 = 512 << 20;

/// The decoder limits every photo is read under, so a file that claims a huge size is refused
/// before anything is allocated for it.
fn decoder_limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_PHOTO_SIDE);
    limits.max_image_height = Some(MAX_PHOTO_SIDE);
    limits.max_alloc = Some(MAX_PHOTO_ALLOC);
    limits
}

/// Refuses a photo whose size is past the limits, before it is decoded.
fn check_dimensions(path: &str, (w, h): (u32, u32)) -> Result<(u32, u32), PhotoError> {
    if w > MAX_PHOTO_SIDE || h > MAX_PHOTO_SIDE || u64::from(w) * u64::from(h) > MAX_PHOTO_PIXELS {
        return Err(PhotoError::TooLarge {
            path: path.to_owned(),
            reason: format!(
                "{w} × {h} pixels is too large; the most is {MAX_PHOTO_SIDE} pixels a side and {} million pixels",
                MAX_PHOTO_PIXELS / 1_000_000
            ),
        });
    }
    Ok((w, h))
}

/// Refuses what is not a regular file (a FIFO would block the read, a device never end) and a
/// file over [`MAX_PHOTO_BYTES`], without opening it.
fn check_file(path: &Path) -> Result<(), PhotoError> {
    let shown = || path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            PhotoError::Missing { path: shown() }
        } else {
            PhotoError::Unreadable {
                path: shown(),
                reason: e.to_string(),
            }
        }
    })?;
    if !meta.is_file() {
        return Err(PhotoError::Unreadable {
            path: shown(),
            reason: "not a regular file".into(),
        });
    }
    if meta.len() > MAX_PHOTO_BYTES {
        return Err(PhotoError::TooLarge {
            path: shown(),
            reason: format!(
                "the file is {} MiB; the most read is {} MiB",
                meta.len() >> 20,
                MAX_PHOTO_BYTES >> 20
            ),
        });
    }
    Ok(())
}

/// Decodes a photo's pixels under the decoder limits; what the renderer and the PDF writer
/// draw, and what layout checks once so a damaged file becomes a placeholder everywhere.
pub fn decode_photo(data: &PhotoData, path: &str) -> Result<image::DynamicImage, PhotoError> {
    let corrupt = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => PhotoError::TooLarge {
            path: path.to_owned(),
            reason: format!(
                "{} × {} pixels needs more than {} MiB to decode",
                data.width,
                data.height,
                MAX_PHOTO_ALLOC >> 20
            ),
        },
        other => PhotoError::Corrupt {
            path: path.to_owned(),
            reason: other.to_string(),
        },
    };
    let mut reader =
        image::ImageReader::with_format(std::io::Cursor::new(&data.bytes[..]), data.format);
    reader.limits(decoder_limits());
    let image = reader.decode().map_err(corrupt)?;
    // The JPEG decoder fills a cut-short file with grey and carries on; the PDF would carry
    // the cut file byte for byte, so it is refused here.
    if data.format == image::ImageFormat::Jpeg && !jpeg_is_complete(&data.bytes) {
        return Err(PhotoError::Corrupt {
            path: path.to_owned(),
            reason: "the JPEG is cut short (it has no end-of-image marker); copy the file again"
                .into(),
        });
    }
    Ok(image)
}

/// Whether a JPEG's main image reaches its end-of-image marker. The marker segments before
/// the first scan are skipped by their lengths (an EXIF thumbnail inside APP1 has markers of
/// its own); after it, entropy-coded data never holds `FF D9`, so finding one means the scans
/// ended. Anything after the marker (a phone's motion-photo trailer) is allowed.
pub fn jpeg_is_complete(bytes: &[u8]) -> bool {
    const SOI: u8 = 0xD8;
    const SOS: u8 = 0xDA;
    const EOI: u8 = 0xD9;
    if bytes.len() < 4 || bytes[0] != 0xFF || bytes[1] != SOI {
        return false;
    }
    let mut at = 2;
    loop {
        // Markers may be preceded by fill bytes (FF FF …).
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return false;
        };
        if marker == EOI {
            return true;
        }
        let Some(len) = bytes
            .get(at + 2..at + 4)
            .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
        else {
            return false;
        };
        at += 2 + len;
        if marker == SOS {
            return bytes
                .get(at..)
                .is_some_and(|rest| rest.windows(2).any(|w| w == [0xFF, EOI]));
        }
    }
}

impl PhotoError {
    /// The diagnostic code preflight reports for this failure.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Missing { .. } => "missing-photo",
            Self::Unreadable { .. } => "unreadable-photo",
            Self::Corrupt { .. } => "corrupt-photo",
            Self::TooLarge { .. } => "photo-too-large",
        }
    }
}

/// Where a photo's file is on disk, or None when it comes from the bundle: paths are relative
/// to the layout's folder, and absolute paths are themselves whatever the origin (the editor
/// stores absolute paths for photos imported into a new, unsaved edition). Only relative paths
/// of a bundled edition are bundle entries.
pub fn photo_path(origin: &Origin, photo: &str) -> Option<PathBuf> {
    let path = Path::new(photo);
    match origin {
        Origin::Folder(dir) => Some(dir.join(path)),
        Origin::Bundled if path.is_absolute() => Some(path.to_path_buf()),
        Origin::Bundled => None,
    }
}

/// Reads a photo's bytes and checks that it decodes far enough to know its size.
pub fn load_photo(origin: &Origin, photo: &str) -> Result<PhotoData, PhotoError> {
    let bytes: Arc<[u8]> = match photo_path(origin, photo) {
        Some(path) => {
            check_file(&path)?;
            let shown = path.display().to_string();
            match std::fs::read(&path) {
                Ok(b) => b.into(),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(PhotoError::Missing { path: shown });
                }
                Err(e) => {
                    return Err(PhotoError::Unreadable {
                        path: shown,
                        reason: e.to_string(),
                    });
                }
            }
        }
        None => bundle::asset(photo)
            .ok_or_else(|| PhotoError::Missing {
                path: format!("{photo} (bundled)"),
            })?
            .into(),
    };
    let corrupt = |reason: String| PhotoError::Corrupt {
        path: photo.to_owned(),
        reason,
    };
    let reader = image::ImageReader::new(std::io::Cursor::new(&bytes[..]))
        .with_guessed_format()
        .map_err(|e| corrupt(e.to_string()))?;
    let format = reader
        .format()
        .ok_or_else(|| corrupt("unknown image format".into()))?;
    let (width, height) = reader
        .into_dimensions()
        .map_err(|e| corrupt(e.to_string()))?;
    check_dimensions(photo, (width, height))?;
    Ok(PhotoData {
        bytes,
        width,
        height,
        format,
    })
}

/// A photo's pixel size, reading no more of the file than its header: layout needs only the
/// size, and a 20 MB camera JPEG should not be read whole to learn it.
pub fn read_photo_size(origin: &Origin, photo: &str) -> PhotoSize {
    let Some(path) = photo_path(origin, photo) else {
        return load_photo(origin, photo).map(|d| (d.width, d.height));
    };
    check_file(&path)?;
    let file = std::fs::File::open(&path).map_err(|e| {
        let path = path.display().to_string();
        if e.kind() == std::io::ErrorKind::NotFound {
            PhotoError::Missing { path }
        } else {
            PhotoError::Unreadable {
                path,
                reason: e.to_string(),
            }
        }
    })?;
    let corrupt = |reason: String| PhotoError::Corrupt {
        path: photo.to_owned(),
        reason,
    };
    let reader = image::ImageReader::new(std::io::BufReader::new(file))
        .with_guessed_format()
        .map_err(|e| corrupt(e.to_string()))?;
    if reader.format().is_none() {
        return Err(corrupt("unknown image format".into()));
    }
    let size = reader
        .into_dimensions()
        .map_err(|e| corrupt(e.to_string()))?;
    check_dimensions(photo, size)
}

/// A photo's pixel size once the whole photo has decoded under the limits: a truncated file
/// whose header is intact is found here, so it prints as a placeholder with a warning instead
/// of failing an export.
pub fn verify_photo(origin: &Origin, photo: &str) -> PhotoSize {
    let data = load_photo(origin, photo)?;
    decode_photo(&data, photo)?;
    Ok((data.width, data.height))
}

/// What layout and the exporters read from outside the edition: fonts and photos. Layout,
/// the canvas, the raster renderer, the PDF and the data export get them only through this.
pub trait Resources: Send + Sync {
    /// The fonts.
    fn fonts(&self) -> &FontBook;
    /// Pixel size of the photo at `path` (as the edition names it), or why it cannot be read.
    fn photo_size(&self, path: &str) -> PhotoSize;
    /// The photo's bytes, format and size.
    fn photo(&self, path: &str) -> Result<PhotoData, PhotoError>;
}

/// A photo's pixel size, or why it cannot be read.
pub type PhotoSize = Result<(u32, u32), PhotoError>;

/// The resources of one open edition: its fonts, and its photos read from its origin and
/// remembered by path.
#[derive(Debug)]
pub struct Assets {
    pub origin: Origin,
    fonts: Arc<FontBook>,
    sizes: Mutex<HashMap<String, PhotoSize>>,
}

impl Assets {
    /// The usual resources of an edition from `origin`: fonts from its `fonts/` folder,
    /// `font_folders`, the system and the bundle.
    pub fn new(origin: Origin, font_folders: &[PathBuf]) -> Self {
        let dir = match &origin {
            Origin::Folder(dir) => Some(dir.as_path()),
            Origin::Bundled => None,
        };
        let fonts = FontBook::new(FontSources::for_layout(dir, font_folders));
        Self::with_fonts(origin, Arc::new(fonts))
    }

    /// Resources with the bundled fonts only: the same on every machine (tests, benches).
    pub fn bundled(origin: Origin) -> Self {
        Self::with_fonts(origin, Arc::new(FontBook::bundled()))
    }

    pub fn with_fonts(origin: Origin, fonts: Arc<FontBook>) -> Self {
        Self {
            origin,
            fonts,
            sizes: Mutex::default(),
        }
    }

    /// The font book, shared.
    pub fn font_book(&self) -> Arc<FontBook> {
        self.fonts.clone()
    }

    /// Forgets what was read, so changed files are read again.
    pub fn refresh(&self) {
        if let Ok(mut s) = self.sizes.lock() {
            s.clear();
        }
    }
}

impl Resources for Assets {
    fn fonts(&self) -> &FontBook {
        &self.fonts
    }

    fn photo_size(&self, path: &str) -> PhotoSize {
        if let Some(hit) = self.sizes.lock().ok().and_then(|s| s.get(path).cloned()) {
            return hit;
        }
        // Decoded whole once per path (and remembered): the exporters then meet only photos
        // that decode.
        let result = verify_photo(&self.origin, path);
        if let Ok(mut s) = self.sizes.lock() {
            s.insert(path.to_owned(), result.clone());
        }
        result
    }

    fn photo(&self, path: &str) -> Result<PhotoData, PhotoError> {
        load_photo(&self.origin, path)
    }
}

#[cfg(test)]
mod tests {
    use super::jpeg_is_complete;

    #[test]
    fn a_jpeg_is_complete_only_when_its_main_image_reaches_its_end_marker() {
        let jpg = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/coffee.jpg")).unwrap();
        assert!(jpeg_is_complete(&jpg));
        // A trailer after the marker (a phone's motion photo) is allowed.
        let mut trailer = jpg.clone();
        trailer.extend_from_slice(b"ftypmp42 and a video");
        assert!(jpeg_is_complete(&trailer));
        // Cut anywhere in the scans, or in the headers.
        for cut in [jpg.len() - 2, jpg.len() * 9 / 10, jpg.len() / 2, 300, 3] {
            assert!(!jpeg_is_complete(&jpg[..cut]), "cut at {cut}");
        }
        // A thumbnail's end marker inside APP1 does not count for the main image.
        let mut app1 = vec![0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x06, 0xFF, 0xD8, 0xFF, 0xD9];
        app1.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34]);
        assert!(!jpeg_is_complete(&app1));
        app1.extend_from_slice(&[0xFF, 0xD9]);
        assert!(jpeg_is_complete(&app1));
    }
}
