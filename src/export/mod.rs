//! Exporters: they read the display list ([`crate::layout::PageLayout`]) and nothing else.

mod columns;
pub mod data;
pub mod newsprint;
pub mod pdf;
mod photos;
pub mod press;
mod separate;

/// Which pages to export: `1-2`, `3`, `1,4-5` (1-based, inclusive).
pub fn parse_page_range(spec: &str, pages: usize) -> Result<Vec<usize>, String> {
    let mut out: Vec<usize> = Vec::new();
    let has = if pages == 1 {
        "it has 1 page".to_owned()
    } else {
        format!("it has {pages} pages")
    };
    for part in spec.split(',').map(str::trim) {
        if part.is_empty() {
            return Err(format!(
                "a page range such as 1-2 or 1,3, not \"{spec}\" (an empty part between commas)"
            ));
        }
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        let parse = |s: &str| {
            s.trim()
                .parse::<usize>()
                .map_err(|_| format!("a page range such as 1-2 or 1,3, not \"{spec}\""))
        };
        let (a, b) = (parse(a)?, parse(b)?);
        if a == 0 || b < a || b > pages {
            let which = if a == b {
                format!("page {part} is")
            } else {
                format!("pages {part} are")
            };
            return Err(format!("{which} not in this edition ({has})"));
        }
        // Each page once: a page named twice would be exported twice, or over itself.
        if let Some(twice) = (a - 1..b).find(|p| out.contains(p)) {
            return Err(format!("page {} is named twice in \"{spec}\"", twice + 1));
        }
        out.extend(a - 1..b);
    }
    Ok(out)
}
