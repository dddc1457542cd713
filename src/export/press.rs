//! What krilla does not write and a printing plant asks for, added to krilla's finished PDF
//! with a PDF library (lopdf) rather than by hand: black that overprints, and PDF/X-4's
//! output intent and version keys.
//!
//! Overprint is a graphics state parameter (ExtGState `/OP` for strokes, `/op` for fills,
//! `/OPM 1` so that only the inks a colour names replace what is under it). krilla has no such
//! parameter, but it does set graphics states: the PDF writer draws whatever overprints inside
//! a Multiply blend (how overprinting black looks), and here every graphics state with that
//! blend becomes overprint instead. Content streams are never read back or rewritten, so the
//! pass costs a parse of the file's objects and a save. Images are never drawn inside such a
//! blend: a CMYK photo knocks out what is under it.

use lopdf::{Dictionary, Document, Object, Stream};

/// Which colours overprint.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overprint {
    /// 100% K with no other ink.
    pub black: bool,
    /// K-only tints (grey) as well.
    pub tints: bool,
}

impl Overprint {
    /// Whether a CMYK colour (0–1 each) overprints under this rule.
    pub fn applies(self, cmyk: [f32; 4]) -> bool {
        let k_only = cmyk[..3].iter().all(|&v| v == 0.0) && cmyk[3] > 0.0;
        k_only && ((self.black && cmyk[3] >= 1.0) || self.tints)
    }
}

/// What to add to krilla's PDF.
pub struct Finish<'a> {
    pub overprint: Option<Overprint>,
    /// PDF/X-4 with this CMYK output profile as its output intent.
    pub pdfx: Option<&'a [u8]>,
}

/// Adds what `finish` asks for to a PDF krilla wrote. Deterministic: lopdf keeps objects in
/// number order and dictionaries in insertion order.
pub fn finish(pdf: &[u8], finish: &Finish) -> Result<Vec<u8>, String> {
    let mut doc = Document::load_mem(pdf).map_err(|e| e.to_string())?;
    if finish.overprint.is_some() {
        add_overprint(&mut doc);
    }
    if let Some(profile) = finish.pdfx {
        add_pdfx(&mut doc, profile)?;
    }
    let mut out = Vec::with_capacity(pdf.len() + 4096);
    doc.save_to(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Turns the graphics states the PDF writer marked with a Multiply blend into overprint
/// (which colours overprint was decided as they were drawn, see `pdf::overprints`).
fn add_overprint(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        let Object::Dictionary(d) = object else {
            continue;
        };
        let is_state = d.get(b"Type").and_then(Object::as_name).ok() == Some(b"ExtGState");
        if !is_state || d.get(b"BM").and_then(Object::as_name).ok() != Some(b"Multiply") {
            continue;
        }
        d.remove(b"BM");
        d.set("OP", true);
        d.set("op", true);
        d.set("OPM", 1);
    }
}

/// A stream's new content, deflated like krilla's own.
fn set_compressed(stream: &mut Stream, plain: &[u8]) {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    let compressed = z.write_all(plain).and_then(|()| z.finish());
    match compressed {
        Ok(bytes) => {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.dict.remove(b"DecodeParms");
            stream.set_content(bytes);
        }
        Err(_) => {
            stream.dict.remove(b"Filter");
            stream.dict.remove(b"DecodeParms");
            stream.set_content(plain.to_vec());
        }
    }
}

/// The output condition a PDF/X file names.
const CONDITION: &str = "Broadsheet newsprint (coldset offset on newsprint, ISO 12647-3 like)";

fn add_pdfx(doc: &mut Document, profile: &[u8]) -> Result<(), String> {
    let mut icc = Stream::new(Dictionary::new(), Vec::new());
    icc.dict.set("N", 4);
    set_compressed(&mut icc, profile);
    let icc = doc.add_object(icc);
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFX".to_vec()));
    intent.set(
        "OutputConditionIdentifier",
        Object::string_literal("Custom"),
    );
    intent.set("OutputCondition", Object::string_literal(CONDITION));
    intent.set("Info", Object::string_literal(CONDITION));
    intent.set("DestOutputProfile", Object::Reference(icc));
    let intent = doc.add_object(intent);
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("OutputIntents", vec![Object::Reference(intent)]);
    // PDF/X-4 is PDF 1.6.
    doc.version = "1.6".into();

    let info = match doc.trailer.get(b"Info") {
        Ok(Object::Reference(id)) => *id,
        _ => {
            let id = doc.add_object(Dictionary::new());
            doc.trailer.set("Info", Object::Reference(id));
            id
        }
    };
    let info = doc.get_dictionary_mut(info).map_err(|e| e.to_string())?;
    info.set("GTS_PDFXVersion", Object::string_literal("PDF/X-4"));
    info.set("Trapped", Object::Name(b"False".to_vec()));
    if let Ok(created) = info.get(b"CreationDate").cloned() {
        info.set("ModDate", created);
    }
    add_xmp_keys(doc)
}

/// PDF/X-4 wants its version and the trapped state in the XMP metadata too.
fn add_xmp_keys(doc: &mut Document) -> Result<(), String> {
    let Ok(Object::Reference(id)) = doc
        .catalog()
        .map_err(|e| e.to_string())?
        .get(b"Metadata")
        .cloned()
    else {
        return Ok(());
    };
    let Ok(Object::Stream(stream)) = doc.get_object_mut(id) else {
        return Ok(());
    };
    let xml = String::from_utf8(
        stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone()),
    )
    .map_err(|e| e.to_string())?;
    let keys = concat!(
        "<rdf:Description rdf:about=\"\" xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\" ",
        "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">",
        "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
        "<pdf:Trapped>False</pdf:Trapped></rdf:Description>"
    );
    let Some(at) = xml.rfind("</rdf:RDF>") else {
        return Ok(());
    };
    let xml = format!("{}{keys}{}", &xml[..at], &xml[at..]);
    stream.dict.remove(b"Filter");
    stream.set_content(xml.into_bytes());
    Ok(())
}

/// The images in a finished PDF that are not CMYK or grey (by object number): what a plant's
/// preflight rejects in a press PDF, since its RIP would convert them with a profile nobody
/// chose. Empty for every press PDF this program writes.
pub fn rgb_images(pdf: &[u8]) -> Result<Vec<u32>, String> {
    let doc = Document::load_mem(pdf).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for (&(number, _), object) in &doc.objects {
        let Object::Stream(s) = object else { continue };
        if s.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Image") {
            continue;
        }
        let Ok(space) = s.dict.get(b"ColorSpace") else {
            continue; // a mask
        };
        let space = doc
            .dereference(space)
            .map(|(_, o)| o)
            .map_err(|e| e.to_string())?;
        let rgb = match space {
            Object::Name(n) => n == b"DeviceRGB" || n == b"CalRGB",
            Object::Array(a) => match a.first().and_then(|o| o.as_name().ok()) {
                Some(b"ICCBased") => {
                    a.get(1)
                        .and_then(|o| doc.dereference(o).ok())
                        .and_then(|(_, o)| o.as_stream().ok())
                        .and_then(|st| st.dict.get(b"N").and_then(Object::as_i64).ok())
                        == Some(3)
                }
                Some(b"CalRGB") => true,
                _ => false,
            },
            _ => false,
        };
        if rgb {
            out.push(number);
        }
    }
    Ok(out)
}
