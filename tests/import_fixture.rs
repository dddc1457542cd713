//! The customer's real page imports into its seven items with the right parts.

use broadsheet::import::{self, Article};

fn fixture() -> Vec<Article> {
    let text = include_str!("../assets/articles/hexi-news-page.txt");
    import::articles("hexi-news-page.txt", text)
}

#[test]
fn the_customers_page_has_seven_items() {
    let a = fixture();
    let heads: Vec<&str> = a.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(
        heads,
        [
            "河西区组织上海、合肥招商对接活动",
            "河西区持续深化文明城区建设",
            "让市民温暖过冬",
            "筑牢消防安全防线",
            "口袋公园 转角遇见美",
            "太湖里商业街开街",
            "河西区做实“家校社共育”文章",
        ]
    );
}

#[test]
fn kickers_decks_bylines_and_credit_land_in_their_fields() {
    let a = fixture();
    assert_eq!(a[0].deck, "助力河西区经济社会高质量发展");
    assert_eq!(a[0].kicker, "");
    assert_eq!(a[0].byline, "");
    assert_eq!(a[1].kicker, "大清理 大提升");
    assert_eq!(a[1].byline, "通讯员 王兆春");
    assert_eq!(a[2].kicker, "用心用情解决居民供热问题");
    assert_eq!(a[3].kicker, "“九小单位”技能培训");
    assert_eq!(a[4].kicker, "让绿意走进社区贴近生活");
    assert_eq!(a[2].byline, "通讯员 岳志欣");
    assert_eq!(a[3].byline, "通讯员 于玲");
    assert_eq!(a[4].byline, "通讯员 于玲");
    assert_eq!(a[6].kicker, "守护青少年健康成长");
    assert_eq!(a[6].byline, "通讯员 张曼婷");
    let photo = &a[5];
    assert!(photo.is_photo_story());
    assert_eq!(photo.credit, "王轩昂 摄影报道");
    assert!(
        photo.caption.starts_with("11月8日，太湖里商业街开街"),
        "{}",
        photo.caption
    );
    assert!(photo.paragraphs.is_empty());
}

#[test]
fn the_six_column_breaks_are_rejoined() {
    let a = fixture();
    let all: Vec<&String> = a.iter().flat_map(|a| &a.paragraphs).collect();
    for (end, start) in [
        ("助力", "提升城市消费能级"),
        ("以推进", "京津冀协同发展"),
        ("河西区持续", "深入贯彻"),
        ("儿童", "活动"),
        ("持续", "出台"),
        ("重", "大教育政策"),
    ] {
        let joined = format!("{end}{start}");
        assert!(
            all.iter().any(|p| p.contains(&joined)),
            "{joined} not rejoined"
        );
        assert!(
            !all.iter().any(|p| p.ends_with(end) || p.starts_with(start)),
            "{end}/{start} still split"
        );
    }
    // Every paragraph now ends like a finished sentence.
    for p in all {
        assert!(
            p.ends_with(['。', '”', '！', '…']),
            "unfinished paragraph: {p}"
        );
    }
    // The lead story's nine source lines are six paragraphs once its three breaks are rejoined.
    assert_eq!(a[0].paragraphs.len(), 6);
}

#[test]
fn half_width_punctuation_in_chinese_becomes_full_width() {
    let a = fixture();
    let text: String = a
        .iter()
        .flat_map(|a| a.paragraphs.iter().chain([&a.caption]))
        .cloned()
        .collect();
    for c in [',', ';', ':', '!', '?', '(', ')'] {
        assert!(!text.contains(c), "half-width {c:?} left in Chinese text");
    }
    assert!(text.contains("全球捷运（上海）供应链"));
    assert!(text.contains("近日，第七届"));
    // Latin and numbers inside Chinese text stay as they are.
    assert!(text.contains("V4.0 Turbo"));
    assert!(text.contains("79.054公里"));
    assert!(text.contains("“1+3+N”"));
}

#[test]
fn nothing_of_the_source_text_is_lost() {
    let source: String = include_str!("../assets/articles/hexi-news-page.txt")
        .chars()
        .filter(|c| !c.is_whitespace() && !",;:!?()■".contains(*c))
        .collect();
    let imported: String = fixture()
        .iter()
        .flat_map(|a| {
            [
                &a.headline,
                &a.kicker,
                &a.deck,
                &a.byline,
                &a.caption,
                &a.credit,
            ]
            .into_iter()
            .cloned()
            .chain(a.paragraphs.iter().cloned())
            .collect::<Vec<_>>()
        })
        .collect::<String>()
        .chars()
        .filter(|c| !c.is_whitespace() && !"，；：！？（）".contains(*c))
        .collect();
    let mut a: Vec<char> = source.chars().collect();
    let mut b: Vec<char> = imported.chars().collect();
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a.len(), b.len());
    assert_eq!(a, b);
}
