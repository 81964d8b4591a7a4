use super::*;
use crate::model::{BlockKind, NoArticle, RemovalReason};

const P1: &str = "The city council voted on Tuesday to reopen the old bridge to traffic, after two years of \
                  repairs that cost far more than the engineers had first estimated.";
const P2: &str = "Residents on both banks of the river said the closure had doubled their journeys to work, \
                  and shop owners said they had lost a third of their customers.";
const P3: &str = "The mayor, who had promised to finish the work before the last election, said the delays \
                  were caused by the discovery of corroded steel in the main supports.";

fn run(body: &str, explain: bool) -> Document {
    let html = format!("<html><head><title>Bridge reopens | Daily Bugle</title></head><body>{body}</body></html>");
    extract_html(&html, None, &ExtractConfig { explain, ..ExtractConfig::default() })
}

fn story() -> String {
    format!("<article><h1>Bridge reopens</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>")
}

fn reason_of(doc: &Document, needle: &str) -> Option<RemovalReason> {
    doc.removed.iter().find(|r| r.text.contains(needle)).map(|r| r.reason)
}

#[test]
fn keeps_the_story_paragraphs_in_order() {
    let doc = run(&story(), false);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, P2, P3]);
    assert!(doc.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    assert_eq!(doc.no_article, None);
}

#[test]
fn removes_page_chrome_with_reasons() {
    let body = format!(
        "<nav><a href=/>Home</a> <a href=/news>News</a></nav>\
         <div class=cookie-banner>We use cookies to improve your experience. Accept all cookies?</div>\
         {}\
         <div class=share-tools>Share this story on Facebook</div>\
         <section class=related-stories><h2>Related</h2><ul><li><a href=/a>Other story one here</a></li></ul></section>\
         <div id=comments><p>Great article, I have always said this bridge was a disgrace, well done.</p></div>\
         <footer>© 2024 Daily Bugle. All rights reserved.</footer>",
        story()
    );
    let doc = run(&body, true);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, P2, P3]);
    assert_eq!(reason_of(&doc, "Home"), Some(RemovalReason::Navigation));
    assert_eq!(reason_of(&doc, "cookies"), Some(RemovalReason::Consent));
    assert_eq!(reason_of(&doc, "Share this"), Some(RemovalReason::SharePrompt));
    assert_eq!(reason_of(&doc, "Other story"), Some(RemovalReason::RelatedLinks));
    assert_eq!(reason_of(&doc, "Great article"), Some(RemovalReason::Comments));
    assert_eq!(reason_of(&doc, "All rights"), Some(RemovalReason::HeaderFooter));
    assert_eq!(reason_of(&doc, "Bridge reopens"), Some(RemovalReason::Title));
}

#[test]
fn comments_are_kept_apart_only_when_asked_for() {
    let body = format!(
        "{}<div id=comments><p>Great article, I have always said this bridge was a disgrace.</p>\
         <p>Who pays for the repairs, though? Nobody says.</p></div>",
        story()
    );
    let html = format!("<html><body>{body}</body></html>");
    let asked = extract_html(&html, None, &ExtractConfig { comments: true, ..ExtractConfig::default() });
    assert_eq!(asked.block_texts().collect::<Vec<_>>(), [P1, P2, P3], "comments stay out of the body");
    assert_eq!(asked.comments.len(), 2, "{:?}", asked.comments);
    assert!(asked.comments[0].starts_with("Great article") && asked.removed.is_empty());
    let plain = extract_html(&html, None, &ExtractConfig::default());
    assert!(plain.comments.is_empty());
    assert_eq!(plain.text, asked.text);
}

#[test]
fn the_story_images_with_address_alt_and_caption_and_no_chrome() {
    // The lead figure sits beside the story's container; the others are inside it.
    let html = format!(
        "<html><body><nav><img src=/logo.png alt=Logo></nav><div class=main><img src=/banner.png>\
         <figure><img src=img/bridge.jpg alt='The bridge at dawn'><figcaption>The bridge on Tuesday.</figcaption></figure>\
         <article><h1>Bridge reopens</h1><p>{P1}</p><img data-src='https://cdn.example/b.jpg' src='data:image/gif;base64,R0lGOD'>\
         <p>{P2}</p><img src=/pixel.gif width=1 height=1><p>{P3}</p>\
         <div class=share-tools><img src=/share.png>Share this story</div></article></div></body></html>"
    );
    let doc = extract_html(&html, Some("https://bugle.example/news/story.html"), &ExtractConfig::default());
    let urls: Vec<&str> = doc.images.iter().map(|i| i.url.as_str()).collect();
    assert_eq!(urls, ["https://bugle.example/news/img/bridge.jpg", "https://cdn.example/b.jpg"]);
    assert_eq!(doc.images[0].alt.as_deref(), Some("The bridge at dawn"));
    assert_eq!(doc.images[0].caption.as_deref(), Some("The bridge on Tuesday."));
    assert_eq!((doc.images[1].alt.as_deref(), doc.images[1].caption.as_deref()), (None, None));
}

#[test]
fn a_page_rendered_by_scripts_falls_back_to_its_noscript_content() {
    // As Discourse serves a thread: an empty app shell, the posts inside <noscript>.
    const P4: &str = "A reply from a resident of the east bank: the detour added forty minutes to every school \
                      run, and the buses were full by the second stop, so many of us walked instead.";
    const P5: &str = "Another reply, from the owner of the bakery by the old toll house, who said trade had \
                      fallen by half and that she hoped the customers would find their way back soon.";
    let html = format!(
        "<html><head><title>Bridge reopens - Town forum</title></head><body><div id=app></div>\
         <noscript><div class=topic><h1>Bridge reopens</h1><div class=post><p>{P1}</p></div>\
         <div class=post><p>{P2}</p></div><div class=post><p>{P3}</p></div><div class=post><p>{P4}</p></div>\
         <div class=post><p>{P5}</p></div></div><footer>Powered by forum software</footer></noscript></body></html>"
    );
    let doc = extract_html(&html, None, &ExtractConfig::default());
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, P2, P3, P4, P5]);
    assert_eq!(doc.no_article, None);
    // A short "enable JavaScript" notice is not a second candidate.
    let shell = "<html><body><div id=app></div><noscript><p>Please enable JavaScript to view this \
                 page, then reload it.</p></noscript></body></html>";
    let doc = extract_html(shell, None, &ExtractConfig::default());
    assert!(doc.text.is_empty());
}

#[test]
fn table_cells_know_their_table_row_and_column() {
    let html = format!(
        "<html><body><article><h1>Bridge reopens</h1><p>{P1}</p>\
         <table><tr><th>Year</th><th>Cost</th></tr><tr><td>2022</td><td>4.1 million\
         <table><tr><td>inner note</td></tr></table></td></tr></table><p>{P2}</p><p>{P3}</p></article></body></html>"
    );
    let doc = extract_html(&html, None, &ExtractConfig::default());
    type Place = Option<(u32, u32, u32, bool)>;
    let cells: Vec<(&str, Place)> = doc
        .blocks
        .iter()
        .map(|b| (&doc.text[b.range.clone()], b.cell.map(|c| (c.table, c.row, c.column, c.header))))
        .collect();
    assert_eq!(cells[0], (P1, None));
    assert_eq!(cells[1], ("Year", Some((0, 0, 0, true))));
    assert_eq!(cells[4], ("4.1 million", Some((0, 1, 1, false))));
    assert_eq!(cells[5], ("inner note", Some((1, 0, 0, false))), "a nested table counts apart");
    assert_eq!(cells[6], (P2, None));
}

#[test]
fn keeps_headings_lists_and_quotes() {
    let body = format!(
        "<article><h1>Bridge reopens</h1><p>{P1}</p><h2>What changes</h2>\
         <ul><li>Buses return to the old route</li><li>Cyclists get their own lane</li></ul>\
         <blockquote><p>We are proud of this bridge.</p></blockquote><p>{P2}</p></article>"
    );
    let doc = run(&body, false);
    let kinds: Vec<(BlockKind, &str)> = doc.blocks.iter().map(|b| (b.kind, &doc.text[b.range.clone()])).collect();
    assert_eq!(
        kinds,
        [
            (BlockKind::Paragraph, P1),
            (BlockKind::Heading, "What changes"),
            (BlockKind::ListItem, "Buses return to the old route"),
            (BlockKind::ListItem, "Cyclists get their own lane"),
            (BlockKind::BlockQuote, "We are proud of this bridge."),
            (BlockKind::Paragraph, P2),
        ]
    );
}

#[test]
fn captions_hidden_text_and_ads_go() {
    let body = format!(
        "<article><p>{P1}</p><figure><img src=x.jpg><figcaption>The bridge at dawn. Photo: J. Smith</figcaption></figure>\
         <div class=ad-slot>Advertisement</div><p style='display: none'>Secret tracking text</p><p>{P2}</p></article>"
    );
    let doc = run(&body, true);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, P2]);
    assert_eq!(reason_of(&doc, "dawn"), Some(RemovalReason::Caption));
    assert_eq!(reason_of(&doc, "Advertisement"), Some(RemovalReason::Advertisement));
    assert_eq!(reason_of(&doc, "Secret"), Some(RemovalReason::Hidden));
}

#[test]
fn repeated_text_is_dropped_once_seen() {
    let body = format!("<article><div><p>{P1}</p></div><div><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></article>");
    let doc = run(&body, true);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, P2, P3]);
    assert_eq!(reason_of(&doc, "city council"), Some(RemovalReason::Duplicate));
}

#[test]
fn a_sentence_repeated_in_its_own_block_stays() {
    let doc = run(&format!("<article><p>{P1}</p><p>{P2}</p><p>{P1}</p></article>"), false);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, P2, P1]);
}

#[test]
fn story_in_a_sidebar_named_wrapper_is_still_found() {
    let body = format!("<div class='layout has-sidebar'><div class=sidebar-wrap>{}</div></div>", story());
    let doc = run(&body, false);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, P2, P3]);
}

#[test]
fn page_of_chrome_has_no_article() {
    let doc = run("<nav><a href=/>Home</a> <a href=/news>News</a></nav><footer>© 2024 Example</footer>", false);
    assert!(doc.text.is_empty());
    assert_eq!(doc.no_article, Some(NoArticle::AllBoilerplate));
    let empty = run("", false);
    assert_eq!(empty.no_article, Some(NoArticle::NoText));
}

#[test]
fn title_falls_back_to_the_first_h1() {
    let html = format!("<html><body><h1>Bridge reopens</h1><p>{P1}</p></body></html>");
    let doc = extract_html(&html, None, &ExtractConfig::default());
    assert_eq!(doc.title.as_deref(), Some("Bridge reopens"));
    assert_eq!(doc.text, P1);
}

#[test]
fn two_line_breaks_split_paragraphs() {
    let doc = run(&format!("<article><div>{P1}<br><br>{P2}<br>{P3}</div></article>"), false);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1.to_string(), format!("{P2} {P3}")]);
}

#[test]
fn title_prefers_the_h1_the_title_tag_contains() {
    let html = format!(
        "<html><head><title>Rain at last | Daily Bugle</title></head><body><article><h1>Rain at last</h1><p>{P1}</p></article></body></html>"
    );
    let doc = extract_html(&html, None, &ExtractConfig::default());
    assert_eq!(doc.title.as_deref(), Some("Rain at last"));
}

#[test]
fn standfirst_between_headline_and_story_is_kept() {
    let standfirst = "Two years and twice the budget later, the bridge over the river is open again, and the \
                      town hopes its shops will win back the customers they lost.";
    let body = format!(
        "<div class=top><h1>Bridge reopens</h1><div class=intro><p>{standfirst}</p></div></div>\
         <div class=main><div class=story><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>\
         <ul class=links><li><a href=/a>Council budget row deepens</a></li><li><a href=/b>Ferry fares to rise</a></li></ul></div>"
    );
    let doc = run(&body, false);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [standfirst, P1, P2, P3]);
}

#[test]
fn trailing_prompts_go_but_a_sign_off_in_the_story_stays() {
    let body = format!(
        "<article><div class=text><p>{P1}</p><p>{P2}</p><p>Reporting by J. Smith</p></div>\
         <div class=after><p>Tags: bridges, council</p><p>Subscribe to our newsletter</p></div></article>"
    );
    let doc = run(&body, true);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, P2, "Reporting by J. Smith"], "{:?}", doc.removed);
    assert!(doc.removed.iter().any(|r| r.text.starts_with("Tags")));
}

/// More prose than `n` paragraphs of the story hold, to outweigh it.
fn comments(n: usize) -> String {
    let one = "<li class='comment'><p class=author>Reader</p><p>I have crossed that bridge every day for twenty years and \
               I still remember the day they closed it, which was the worst day for the whole neighbourhood.</p></li>";
    format!("<ol class=comment-list>{}</ol>", one.repeat(n))
}

#[test]
fn a_streamed_react_segment_is_content_not_hidden() {
    // The streamed story holds under 60% of the page's prose, so only the rule, not the
    // overruling of a hint on most of the prose, brings it back.
    let other = "A different story about the harbour sits in the page's shell, long enough to read as \
                 prose of its own, with a full stop, several clauses and no links in it at all, \
                 and it goes on for a while so that it weighs almost as much as the story does.";
    let body = format!(
        "<nav><a href=/>Home</a></nav><div hidden id=\"S:0\">{}</div><div hidden>Loading…</div>\
         <div class=shell><p>{other}</p><p>{other}</p></div>",
        story()
    );
    let doc = run(&body, true);
    assert_eq!(doc.block_texts().take(3).collect::<Vec<_>>(), [P1, P2, P3]);
    assert_eq!(reason_of(&doc, "Loading"), Some(RemovalReason::Hidden));
}

#[test]
fn comments_that_outweigh_a_story_stay_out_of_it() {
    let story = format!("<article><h1>Bridge reopens</h1>{}</article>", format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>").repeat(3));
    let body = format!("{story}<section id=comments>{}</section>", comments(40));
    let html = format!("<html><body>{body}</body></html>");
    let doc = extract_html_with(&html, None, &ExtractConfig::default(), &BlockWeights::HAND_SET);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, P2, P3].repeat(3));
    // Without the rule, choosing again without class hints takes the readers' prose in.
    let off = BlockWeights { story_min_prose_chars: f64::INFINITY, ..BlockWeights::HAND_SET };
    let without = extract_html_with(&html, None, &ExtractConfig::default(), &off);
    assert!(without.text.contains("I have crossed that bridge"));
}

#[test]
fn a_page_of_linked_items_falls_back_to_the_items() {
    let items: String = (1..=30).map(|i| format!("<li><a href=/p/{i}>Garden chair model {i}, oak</a></li>")).collect();
    let body = format!(
        "<header><a href=/>Shop</a></header><main><p>Our chairs.</p><ul class=products>{items}</ul></main>\
         <footer>Contact us</footer>"
    );
    let html = format!("<html><body>{body}</body></html>");
    let doc = extract_html_with(&html, None, &ExtractConfig::default(), &BlockWeights::HAND_SET);
    assert!(doc.text.contains("Garden chair model 1, oak") && doc.text.contains("model 30, oak"), "{}", doc.text);
    assert!(!doc.text.contains("Contact us"));
    let off = BlockWeights { fallback_max_words: 0.0, ..BlockWeights::HAND_SET };
    let without = extract_html_with(&html, None, &ExtractConfig::default(), &off);
    assert!(!without.text.contains("model 30"), "{}", without.text);
}

#[test]
fn a_formula_or_script_inside_a_paragraph_keeps_the_words_before_it() {
    let formula = "<span class=mwe-math-element><span style=\"display:none\"><math><mi>N</mi></math></span>\
                   <img src=n.svg alt=N></span>";
    let body = format!(
        "<article><h1>Bridge reopens</h1><p>Engineers checked {formula} supports of the old bridge \
         <script>loadAd()</script>before the council voted on Tuesday to reopen it to traffic.</p>\
         <p>{P2}</p><p>{P3}</p></article>"
    );
    let doc = run(&body, false);
    let first = doc.block_texts().next().unwrap_or_default();
    assert_eq!(
        first,
        "Engineers checked supports of the old bridge before the council voted on Tuesday to reopen it to traffic."
    );
}

#[test]
fn an_icon_between_a_card_title_and_its_tagline_still_separates_them() {
    let cards: String = (0..6)
        .map(|i| format!("<div><a href=/p{i}>Product {i}</a><svg><path d=M0/></svg>A tool that does task number {i} well</div>"))
        .collect();
    let doc = run(&format!("<main><h1>Today's launches</h1>{cards}</main>"), false);
    let texts: Vec<&str> = doc.block_texts().collect();
    assert!(texts.iter().any(|t| t.contains("task number 1")), "{texts:?}");
    assert!(texts.iter().all(|t| !(t.contains("Product 1") && t.contains("task number 1"))), "{texts:?}");
}

#[test]
fn a_tab_widget_holding_the_story_steps_is_not_navigation() {
    let body = format!(
        "<article><h1>Bridge reopens</h1><p>{P1}</p><p>{P2}</p>\
         <div class=inspection-tabs><ul role=tablist><li><a href=#a>Findings</a></li><li><a href=#b>Repairs</a></li></ul>\
         <div class=panel id=a><p>{P3}</p></div></div></article>"
    );
    let doc = run(&body, false);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, P2, P3]);
}

#[test]
fn a_faq_after_the_story_stays_but_a_lone_question_promotion_goes() {
    let answer_a = "Work on the bridge began two years ago, after inspectors found corroded steel in the \
                    main supports and closed it to all traffic until the repairs were finished.";
    let answer_b = "The repairs cost far more than the first estimate, because the engineers had to replace \
                    the whole deck as well as the supports, and the council paid the difference.";
    let promo = "Sign up to our weekly letter about the city and get every story about its bridges, roads \
                 and buses in your inbox before anyone else, free of charge and without any advertising.";
    let faq = format!(
        "<div class=faq><div class=q><h3>When did the work begin?</h3></div><div class=a><p>{answer_a}</p></div>\
         <div class=q><h3>Why did it cost so much?</h3></div><div class=a><p>{answer_b}</p></div></div>"
    );
    let story = format!("<div class=body><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>");
    let with_faq = run(&format!("<article><h1>Bridge reopens</h1>{story}{faq}</article>"), false);
    let texts: Vec<&str> = with_faq.block_texts().collect();
    assert!(texts.contains(&"Why did it cost so much?") && texts.contains(&answer_b), "{texts:?}");
    let promoted = format!("<div class=q><h3>Want more?</h3></div><div class=a><p>{promo}</p></div>");
    let with_promo = run(&format!("<article><h1>Bridge reopens</h1>{story}{promoted}</article>"), false);
    assert_eq!(with_promo.block_texts().collect::<Vec<_>>(), [P1, P2, P3]);
}

#[test]
fn a_linked_heading_over_story_prose_stays() {
    let body = format!(
        "<article><h1>Bridge reopens</h1><p>{P1}</p><h2><a href=https://example.com/steel>The steel supports</a></h2>\
         <p>{P2}</p><p>{P3}</p><h3><a href=/other>Another story</a></h3></article>"
    );
    let doc = run(&body, false);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, "The steel supports", P2, P3]);
}

#[test]
fn a_list_of_named_links_inside_the_story_stays_but_share_buttons_go() {
    let body = format!(
        "<article><h1>Bridge reopens</h1><p>{P1}</p>\
         <ul><li><a href=/r1>The engineers' report on the supports</a></li><li><a href=/r2>The council's vote on the budget</a></li></ul>\
         <p>{P2}</p><ul><li><a href=/s>Share</a></li><li><a href=/t>Tweet</a></li></ul><p>{P3}</p></article>"
    );
    let doc = run(&body, false);
    let texts: Vec<&str> = doc.block_texts().collect();
    assert!(texts.contains(&"The council's vote on the budget"), "{texts:?}");
    assert!(!texts.contains(&"Tweet"), "{texts:?}");
}

#[test]
fn chinese_lines_count_their_characters_as_words() {
    assert_eq!(score::word_count("The bridge reopens today"), 4);
    assert_eq!(score::word_count("一波波接續性低溫寒流報到 已將新竹尖石鄉"), 10);
    assert_eq!(score::word_count("abc手机def"), 3);
    // A story of short Chinese lines without punctuation, as blogs write them: before, each
    // line counted as a word or two and went as a byline before the first "prose".
    let lines: String = (0..8).map(|i| format!("<p>第{i}次造訪美樹發現到營區變了 印象中以前生冷招牌換成了原木招牌可謂匠心獨運</p>")).collect();
    let last = "<p>營區內除了露營、民宿、餐飲、賞楓項目之外，多了許多原木飾品，更有畫龍點睛加乘效果，廣受歡迎的美樹營地有個很大特色。</p>";
    let doc = run(&format!("<article><h1>新竹尖石 美樹營地賞楓</h1>{lines}{last}</article>"), false);
    assert_eq!(doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).count(), 9);
}

#[test]
fn a_site_header_left_unclosed_around_the_story_does_not_hide_it() {
    let other = "<div class=promo><p>Another story about the harbour sits in the page's shell, long enough to read as \
                 prose of its own, with a full stop, several clauses and no links in it at all, and more.</p></div>";
    let body = format!(
        "<div id=page><header role=banner><a href=/>Daily Bugle</a><nav><a href=/news>News</a></nav>\
         <main>{}</main></div>{other}{other}",
        story()
    );
    let doc = run(&body, false);
    assert_eq!(doc.block_texts().take(3).collect::<Vec<_>>(), [P1, P2, P3]);
}

#[test]
fn a_closing_list_of_named_links_in_the_story_box_stays_but_one_in_a_box_of_its_own_goes() {
    let items = "<ul><li><a href=/r1>The engineers' report on the supports</a></li>\
                 <li><a href=/r2>The council's vote on the budget</a></li></ul>";
    let inside = run(&format!("<article><h1>Bridge reopens</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>{items}</article>"), false);
    assert!(inside.block_texts().any(|t| t == "The council's vote on the budget"));
    let apart = run(
        &format!("<article><h1>Bridge reopens</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><div class=box>{items}</div></article>"),
        false,
    );
    assert_eq!(apart.block_texts().collect::<Vec<_>>(), [P1, P2, P3]);
}

#[test]
fn a_see_also_list_inside_the_story_still_goes() {
    let body = format!(
        "<article><h1>Bridge reopens</h1><p>{P1}</p>\
         <ul><li><a href=/o1>See also: The tunnel that closed last year</a></li></ul><p>{P2}</p><p>{P3}</p></article>"
    );
    let doc = run(&body, false);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, P2, P3]);
}

#[test]
fn a_linked_heading_pointing_to_another_story_goes() {
    let body = format!(
        "<article><h1>Bridge reopens</h1><p>{P1}</p><h3><a href=/o>Read more: The tunnel that closed</a></h3>\
         <p>{P2}</p><p>{P3}</p></article>"
    );
    assert_eq!(run(&body, false).block_texts().collect::<Vec<_>>(), [P1, P2, P3]);
}

#[test]
fn a_byline_the_metadata_names_leaves_the_text_however_it_is_set() {
    // blogs.wsj.com sets its byline as a heading inside the post, before a paragraph of prose.
    let html = format!(
        "<html><head><title>Bridge reopens</title><meta name=author content=\"Stephen Fidler\"></head><body>\
         <article><h1>Bridge reopens</h1><p>{P1}</p><h3 class=byline>By Stephen Fidler</h3><p>{P2}</p><p>{P3}</p></article>\
         </body></html>"
    );
    let doc = extract_html(&html, None, &ExtractConfig { explain: true, ..ExtractConfig::default() });
    assert_eq!(doc.authors, ["Stephen Fidler"]);
    assert_eq!(doc.block_texts().collect::<Vec<_>>(), [P1, P2, P3]);
    assert_eq!(reason_of(&doc, "By Stephen Fidler"), Some(RemovalReason::Metadata));
}

#[test]
fn a_listing_that_credits_each_item_keeps_its_bylines() {
    let html = format!(
        "<html><head><title>News</title><meta name=author content=\"Makenzie Holland\"></head><body><main>\
         <p>{P1}</p><p>By Makenzie Holland • Dec. 19, 2025</p><p>{P2}</p><p>By Makenzie Holland • Dec. 4, 2025</p>\
         <p>{P3}</p></main></body></html>"
    );
    let doc = extract_html(&html, None, &ExtractConfig::default());
    assert_eq!(doc.block_texts().filter(|t| t.starts_with("By Makenzie")).count(), 2);
}
