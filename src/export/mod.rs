//! Exporters: they read the display list ([`crate::layout::PageLayout`]) and nothing else.

pub mod data;
pub mod pdf;

/// Which pages to export: `1-2`, `3`, `1,4-5` (1-based, inclusive).
pub fn parse_page_range(spec: &str, pages: usize) -> Result<Vec<usize>, String> {
    let mut out = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        let parse = |s: &str| {
            s.trim()
                .parse::<usize>()
                .map_err(|_| format!("a page range such as 1-2 or 3, not {spec:?}"))
        };
        let (a, b) = (parse(a)?, parse(b)?);
        if a == 0 || b < a || b > pages {
            return Err(format!(
                "pages {part} are not in this edition (it has {pages} pages)"
            ));
        }
        out.extend(a - 1..b);
    }
    out.dedup();
    Ok(out)
}
