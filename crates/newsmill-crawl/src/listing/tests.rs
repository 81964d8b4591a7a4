use super::*;

fn base() -> Url {
    Url::parse("http://news.example/feeds/main.xml").unwrap()
}

fn urls(l: &Listing) -> Vec<&str> {
    l.entries.iter().map(|e| e.url.as_str()).collect()
}

#[test]
fn rss_2_items_with_rfc822_dates_and_relative_links() {
    let xml = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title><link>http://news.example/</link>
      <item><title>Port strike &amp; talks</title><link>/world/1.html?utm_source=rss</link>
        <pubDate>Fri, 09 Nov 2018 22:21:00 +0300</pubDate></item>
      <item><title><![CDATA[Second <b>story</b>]]></title><guid>http://news.example/2.html</guid></item>
      <item><title>No link</title></item>
    </channel></rss>"#;
    let l = parse_listing(xml, &base()).unwrap();
    assert_eq!(l.kind, ListingKind::Feed);
    assert_eq!(urls(&l), ["http://news.example/world/1.html", "http://news.example/2.html"]);
    assert_eq!(l.entries[0].title.as_deref(), Some("Port strike & talks"));
    assert_eq!(l.entries[0].published.as_deref(), Some("2018-11-09T22:21:00+03:00"));
    assert_eq!(l.entries[1].title.as_deref(), Some("Second <b>story</b>"));
    assert_eq!(l.error, None);
}

#[test]
fn atom_entries_take_the_alternate_link() {
    let xml = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><link href="http://news.example/"/>
      <entry><title>A</title><link rel="self" href="http://news.example/a.atom"/>
        <link rel="alternate" href="http://news.example/a.html"/><updated>2024-05-01T10:00:00Z</updated></entry>
      <entry><title>B</title><link href="b.html"/><published>2024-05-02T10:00:00+02:00</published></entry>
    </feed>"#;
    let l = parse_listing(xml, &base()).unwrap();
    assert_eq!(urls(&l), ["http://news.example/a.html", "http://news.example/feeds/b.html"]);
    assert_eq!(l.entries[0].published.as_deref(), Some("2024-05-01T10:00:00+00:00"));
}

#[test]
fn rdf_items_by_their_about_attribute() {
    let xml = br#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
        xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="http://news.example/"><title>T</title></channel>
      <item rdf:about="http://news.example/r1.html"><title>R1</title><dc:date>2020-01-02T03:04:05Z</dc:date></item>
    </rdf:RDF>"#;
    let l = parse_listing(xml, &base()).unwrap();
    assert_eq!(urls(&l), ["http://news.example/r1.html"]);
    assert_eq!(l.entries[0].title.as_deref(), Some("R1"));
}

#[test]
fn sitemap_index_lists_sitemaps() {
    let xml = br#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>http://news.example/sitemap-news.xml</loc><lastmod>2024-05-01</lastmod></sitemap>
      <sitemap><loc>sitemap-2.xml.gz</loc></sitemap></sitemapindex>"#;
    let l = parse_listing(xml, &base()).unwrap();
    assert_eq!(l.kind, ListingKind::SitemapIndex);
    assert_eq!(urls(&l), ["http://news.example/sitemap-news.xml", "http://news.example/feeds/sitemap-2.xml.gz"]);
    assert_eq!(l.entries[0].published.as_deref(), Some("2024-05-01"));
}

#[test]
fn news_sitemap_gives_the_story_date_and_title() {
    let xml = br#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
      <url><loc>http://news.example/n1.html</loc><image:image><image:title>Photo</image:title></image:image>
        <news:news><news:publication><news:name>Ex</news:name><news:language>en</news:language></news:publication>
        <news:publication_date>2024-05-03T08:00:00+01:00</news:publication_date><news:title>Bridge reopens</news:title></news:news>
        <lastmod>2024-06-01T00:00:00Z</lastmod></url>
      <url><loc>http://news.example/n2.html</loc></url></urlset>"#;
    let l = parse_listing(xml, &base()).unwrap();
    assert_eq!(l.kind, ListingKind::Sitemap);
    assert_eq!(urls(&l), ["http://news.example/n1.html", "http://news.example/n2.html"]);
    assert_eq!(l.entries[0].title.as_deref(), Some("Bridge reopens"));
    assert_eq!(l.entries[0].published.as_deref(), Some("2024-05-03T08:00:00+01:00"));
    assert_eq!(l.entries[1].published, None);
}

#[test]
fn malformed_listing_keeps_what_came_before_the_damage() {
    let xml = b"<rss><channel><item><link>http://news.example/ok.html</link></item>
      <item><link>http://news.example/also.html</link></item><item><link>http://news.example/x.html</lin";
    let l = parse_listing(xml, &base()).unwrap();
    assert_eq!(urls(&l), ["http://news.example/ok.html", "http://news.example/also.html"]);
    let l = parse_listing(b"<urlset><url><loc>http://news.example/a.html</loc></url><url><loc", &base()).unwrap();
    assert_eq!(urls(&l), ["http://news.example/a.html"]);
    assert!(l.error.is_some(), "{l:?}");
}

#[test]
fn what_is_not_a_listing_is_none() {
    assert_eq!(parse_listing(b"<!doctype html><html><body><p>hi</p></body></html>", &base()), None);
    assert_eq!(parse_listing(b"\x00\x01garbage", &base()), None);
    assert_eq!(parse_listing(b"", &base()), None);
}

#[test]
fn dates_are_read_or_left_unknown() {
    assert_eq!(iso_date("2024-05-01").as_deref(), Some("2024-05-01"));
    assert_eq!(iso_date("Tue, 10 Jun 2003 04:00:00 GMT").as_deref(), Some("2003-06-10T04:00:00+00:00"));
    assert_eq!(iso_date("yesterday"), None);
}
