//! What krilla does not write and a printing plant asks for, added to krilla's finished PDF
//! with a PDF library (lopdf) rather than by hand: black that overprints, and PDF/X-4's
//! output intent and version keys.
//!
//! Overprint is a graphics state parameter (ExtGState `/OP` for strokes, `/op` for fills,
//! `/OPM 1` so that only the inks a colour names replace what is under it). krilla sets no
//! ExtGState of that kind, so each content stream is read back, the fill and stroke colours
//! are followed through it (with `q`/`Q`), and a `gs` is put right after every colour change
//! that turns overprint on or off. Colour operators never stand inside a path's construction,
//! so the `gs` is always where PDF allows it. Images are drawn with overprint off: a CMYK
//! photo must knock out what is under it.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// Which colours overprint.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overprint {
    /// 100% K with no other ink.
    pub black: bool,
    /// K-only tints (grey) as well.
    pub tints: bool,
}

impl Overprint {
    fn applies(self, cmyk: [f32; 4]) -> bool {
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

/// The overprint states, by (stroke, fill), and the names their ExtGStates get.
const STATES: [((bool, bool), &str); 4] = [
    ((false, false), "BsOpOff"),
    ((false, true), "BsOpFill"),
    ((true, false), "BsOpStroke"),
    ((true, true), "BsOpBoth"),
];

/// Adds what `finish` asks for to a PDF krilla wrote. Deterministic: lopdf keeps objects in
/// number order and dictionaries in insertion order.
pub fn finish(pdf: &[u8], finish: &Finish) -> Result<Vec<u8>, String> {
    let mut doc = Document::load_mem(pdf).map_err(|e| e.to_string())?;
    if let Some(rule) = finish.overprint {
        add_overprint(&mut doc, rule)?;
    }
    if let Some(profile) = finish.pdfx {
        add_pdfx(&mut doc, profile)?;
    }
    let mut out = Vec::with_capacity(pdf.len() + 4096);
    doc.save_to(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

fn add_overprint(doc: &mut Document, rule: Overprint) -> Result<(), String> {
    let states: Vec<(String, ObjectId)> = STATES
        .iter()
        .map(|&((stroke, fill), name)| {
            let mut d = Dictionary::new();
            d.set("Type", Object::Name(b"ExtGState".to_vec()));
            d.set("OP", stroke);
            d.set("op", fill);
            d.set("OPM", 1);
            (name.to_owned(), doc.add_object(d))
        })
        .collect();
    // Every page's content, then every form XObject (krilla draws clipped and grouped
    // content in forms), each with the resources it names its ExtGStates in.
    let mut targets: Vec<(Vec<ObjectId>, ObjectId, bool)> = Vec::new();
    for (_, page) in doc.get_pages() {
        targets.push((doc.get_page_contents(page), page, true));
    }
    for (&id, object) in &doc.objects {
        if let Object::Stream(s) = object
            && s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form")
        {
            targets.push((vec![id], id, false));
        }
    }
    // Each target's streams are read and rewritten on their own, so the work is shared out
    // over the machine's cores (a 48-page edition has 48 content streams); the results are put
    // back in target order, so the file does not depend on which thread finished first.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let chunk = targets.len().div_ceil(threads).max(1);
    let rewritten: Vec<Result<Vec<Rewritten>, String>> = std::thread::scope(|s| {
        let doc = &*doc;
        let handles: Vec<_> = targets
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|t| rewrite(doc, rule, t)).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a content stream could not be read".into()))
            })
            .collect()
    });
    for part in rewritten {
        for (streams, owner, is_page) in part? {
            if streams.is_empty() {
                continue;
            }
            for (id, stream) in streams {
                doc.objects.insert(id, Object::Stream(stream));
            }
            let resources = resources_of(doc, owner, is_page)?;
            let ext = sub_dictionary(doc, resources, b"ExtGState")?;
            for (name, id) in &states {
                ext.set(name.as_bytes().to_vec(), Object::Reference(*id));
            }
        }
    }
    Ok(())
}

/// A page's or form's streams with overprint put in (none when nothing overprints), its owner
/// and whether that is a page.
type Rewritten = (Vec<(ObjectId, Stream)>, ObjectId, bool);

/// Puts overprint into the content streams of one page or form.
fn rewrite(
    doc: &Document,
    rule: Overprint,
    (streams, owner, is_page): &(Vec<ObjectId>, ObjectId, bool),
) -> Result<Rewritten, String> {
    let mut tracker = Tracker::new(rule, *is_page);
    let mut out = Vec::new();
    for &id in streams {
        let Ok(Object::Stream(stream)) = doc.get_object(id) else {
            continue;
        };
        let plain = stream.decompressed_content().map_err(|e| e.to_string())?;
        let content = Content::decode(&plain).map_err(|e| e.to_string())?;
        let ops = tracker.rewrite(content.operations);
        if !tracker.used {
            continue;
        }
        let bytes = Content { operations: ops }
            .encode()
            .map_err(|e| e.to_string())?;
        let mut stream = stream.clone();
        set_compressed(&mut stream, &bytes);
        out.push((id, stream));
    }
    Ok((out, *owner, *is_page))
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

/// (stroke overprints, fill overprints).
type State = (bool, bool);

/// Follows colours through a content stream and says where overprint turns on and off.
struct Tracker {
    rule: Overprint,
    /// (stroke overprints, fill overprints) as the colours set ask.
    wanted: (bool, bool),
    /// The state last set by a `gs` of ours; None where it is not known (a form inherits its
    /// caller's).
    applied: Option<(bool, bool)>,
    stack: Vec<(State, Option<State>)>,
    /// Whether any `gs` was put in.
    used: bool,
}

impl Tracker {
    fn new(rule: Overprint, is_page: bool) -> Self {
        Self {
            rule,
            wanted: (false, false),
            applied: is_page.then_some((false, false)),
            stack: Vec::new(),
            used: false,
        }
    }

    fn rewrite(&mut self, ops: Vec<Operation>) -> Vec<Operation> {
        let mut out = Vec::with_capacity(ops.len() + ops.len() / 8);
        for op in ops {
            match op.operator.as_str() {
                "q" => self.stack.push((self.wanted, self.applied)),
                "Q" => {
                    if let Some((w, a)) = self.stack.pop() {
                        (self.wanted, self.applied) = (w, a);
                    }
                }
                // Images and shadings knock out: overprint off around them, back after.
                "Do" | "sh" => {
                    self.set(&mut out, (false, false));
                    out.push(op);
                    let wanted = self.wanted;
                    self.set(&mut out, wanted);
                    continue;
                }
                _ => {}
            }
            let colour = match op.operator.as_str() {
                "k" => Some((false, self.cmyk(&op.operands))),
                "K" => Some((true, self.cmyk(&op.operands))),
                "g" | "rg" | "sc" | "scn" | "cs" => Some((false, false)),
                "G" | "RG" | "SC" | "SCN" | "CS" => Some((true, false)),
                _ => None,
            };
            out.push(op);
            if let Some((stroke, overprints)) = colour {
                if stroke {
                    self.wanted.0 = overprints;
                } else {
                    self.wanted.1 = overprints;
                }
                let wanted = self.wanted;
                self.set(&mut out, wanted);
            }
        }
        out
    }

    fn cmyk(&self, operands: &[Object]) -> bool {
        let v: Vec<f32> = operands.iter().filter_map(|o| o.as_float().ok()).collect();
        match v.as_slice() {
            &[c, m, y, k] => self.rule.applies([c, m, y, k]),
            _ => false,
        }
    }

    fn set(&mut self, out: &mut Vec<Operation>, state: (bool, bool)) {
        if self.applied == Some(state) {
            return;
        }
        // Before the first overprinting colour nothing needs turning off.
        if self.applied.is_none() && state == (false, false) && !self.used {
            return;
        }
        let name = STATES
            .iter()
            .find(|(s, _)| *s == state)
            .map_or("BsOpOff", |(_, n)| n);
        out.push(Operation::new(
            "gs",
            vec![Object::Name(name.as_bytes().to_vec())],
        ));
        self.applied = Some(state);
        self.used = true;
    }
}

/// The resources dictionary of a page or form, made direct-editable: an indirect one is
/// edited where it is, an inline one in place.
fn resources_of(doc: &mut Document, owner: ObjectId, is_page: bool) -> Result<ObjectId, String> {
    let dict = if is_page {
        doc.get_dictionary(owner).map_err(|e| e.to_string())?
    } else {
        match doc.get_object(owner) {
            Ok(Object::Stream(s)) => &s.dict,
            _ => return Err("a form XObject is not a stream".into()),
        }
    };
    let direct = match dict.get(b"Resources") {
        Ok(Object::Reference(id)) => return Ok(*id),
        // Inline resources become an object of their own, so both cases edit one way.
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let id = doc.add_object(direct);
    let owner_dict = if is_page {
        doc.get_dictionary_mut(owner).map_err(|e| e.to_string())?
    } else {
        match doc.get_object_mut(owner) {
            Ok(Object::Stream(s)) => &mut s.dict,
            _ => return Err("a form XObject is not a stream".into()),
        }
    };
    owner_dict.set("Resources", Object::Reference(id));
    Ok(id)
}

/// The dictionary under `key` in the dictionary object `parent`, created when missing and
/// followed when it is a reference.
fn sub_dictionary<'a>(
    doc: &'a mut Document,
    parent: ObjectId,
    key: &[u8],
) -> Result<&'a mut Dictionary, String> {
    let existing = doc
        .get_dictionary(parent)
        .map_err(|e| e.to_string())?
        .get(key)
        .ok()
        .cloned();
    match existing {
        Some(Object::Reference(id)) => doc.get_dictionary_mut(id).map_err(|e| e.to_string()),
        Some(Object::Dictionary(_)) => {
            let parent = doc.get_dictionary_mut(parent).map_err(|e| e.to_string())?;
            parent
                .get_mut(key)
                .and_then(Object::as_dict_mut)
                .map_err(|e| e.to_string())
        }
        _ => {
            let parent = doc.get_dictionary_mut(parent).map_err(|e| e.to_string())?;
            parent.set(key.to_vec(), Dictionary::new());
            parent
                .get_mut(key)
                .and_then(Object::as_dict_mut)
                .map_err(|e| e.to_string())
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
