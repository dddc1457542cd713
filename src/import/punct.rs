//! Punctuation normalisation for Chinese text.

/// True for Han ideographs and the CJK punctuation and full-width forms that sit among them.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F     // CJK symbols and punctuation
        | 0x3400..=0x4DBF   // extension A
        | 0x4E00..=0x9FFF   // unified ideographs
        | 0xF900..=0xFAFF   // compatibility ideographs
        | 0xFF00..=0xFFEF   // half-width and full-width forms
        | 0x20000..=0x3134F // extensions B–G
    ) || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Replaces half-width `, ; : ! ? ( )` by their full-width forms `，；：！？（）` where they stand
/// in Chinese text: next to a Han character or CJK punctuation (spaces skipped). Marks between
/// Latin letters or digits, as in `1,000` or `10:30`, are left alone.
pub fn fullwidth_in_chinese(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let neighbour = |i: usize, step: isize| -> Option<char> {
        let mut j = i as isize + step;
        while j >= 0 && (j as usize) < chars.len() {
            let c = chars[j as usize];
            if c != ' ' {
                return Some(c);
            }
            j += step;
        }
        None
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let full = match c {
            ',' => Some('，'),
            ';' => Some('；'),
            ':' => Some('：'),
            '!' => Some('！'),
            '?' => Some('？'),
            '(' => Some('（'),
            ')' => Some('）'),
            _ => None,
        };
        let in_chinese = || {
            let before = neighbour(i, -1).is_some_and(is_cjk);
            let after = neighbour(i, 1).is_some_and(is_cjk);
            // Brackets look inward: `(上海)` turns because of what it encloses or follows.
            before || after
        };
        match full {
            Some(f) if in_chinese() => {
                // Full-width marks carry their own space: drop spaces the source put around them.
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push(f);
                i += 1;
                while i < chars.len() && chars[i] == ' ' {
                    i += 1;
                }
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_half_width_marks_in_chinese_only() {
        assert_eq!(fullwidth_in_chinese("近日,第七届"), "近日，第七届");
        assert_eq!(
            fullwidth_in_chinese("全球捷运(上海)供应链"),
            "全球捷运（上海）供应链"
        );
        assert_eq!(fullwidth_in_chinese("好了!“别看"), "好了！“别看");
        assert_eq!(fullwidth_in_chinese("共 1,000 人"), "共 1,000 人");
        assert_eq!(fullwidth_in_chinese("at 10:30, ok"), "at 10:30, ok");
        assert_eq!(
            fullwidth_in_chinese("大模型V4.0 Turbo、智医"),
            "大模型V4.0 Turbo、智医"
        );
    }
}
