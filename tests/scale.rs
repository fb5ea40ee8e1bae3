//! A site with many reports stays usable: the reports index is paged with year archives,
//! each feed holds the latest reports with their full text, the sitemap becomes an index of
//! parts past its URL limit, and a chart in a report dated before its data is an error.
//! The limits are lowered in `site.yaml` so a small site reaches them.

mod common;

use common::SiteCopy;

/// The default site with `n` more reports per language, alternating between 2023 and 2024,
/// and the listing limits lowered.
fn site_with_reports(n: usize) -> SiteCopy {
    let site = SiteCopy::new();
    for i in 0..n {
        let (year, month) = (2023 + (i % 2), 1 + (i % 12));
        let day = 1 + (i % 28);
        for (lang, title, text) in [
            (
                "fr",
                format!("Note d’étape numéro {i}"),
                "Un paragraphe de la note.",
            ),
            ("ar", format!("مذكرة مرحلية رقم {i}"), "فقرة من المذكرة."),
        ] {
            site.write(
                &format!("content/reports/{year}-{month:02}-note-{i}.{lang}.md"),
                &format!(
                    "---\ntitle: \"{title}\"\ndescription: \"{title}.\"\nlayout: report\n\
                     date: {year}-{month:02}-{day:02}\n---\n\n{text} Numéro {i}.\n"
                ),
            );
        }
    }
    site.replace("site.yaml", "reports_per_page: 30", "reports_per_page: 10");
    site.replace("site.yaml", "feed_entries: 20", "feed_entries: 5");
    site.replace(
        "site.yaml",
        "sitemap_max_urls: 50000",
        "sitemap_max_urls: 40",
    );
    site
}

fn built(site: &SiteCopy) {
    let out = site.build();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Reports listed on a page (each has its date after its link).
fn report_links(html: &str, lang: &str) -> usize {
    html.split(&format!("<li><a href=\"/{lang}/reports/"))
        .skip(1)
        .filter(|item| {
            item.split("</li>")
                .next()
                .is_some_and(|i| i.contains("</a> <time"))
        })
        .count()
}

#[test]
fn reports_are_paged_with_year_archives_feeds_and_a_sitemap_index() {
    let site = site_with_reports(23);
    built(&site);
    // 25 reports: pages of 10, 10 and 5, linked in order.
    for lang in ["fr", "ar"] {
        let first = site.output_file(&format!("{lang}/reports/index.html"));
        assert_eq!(report_links(&first, lang), 10, "{lang} first page");
        assert!(first.contains(&format!("rel=\"next\" href=\"/{lang}/reports/page/2/\"")));
        assert!(!first.contains("rel=\"prev\""));
        let last = site.output_file(&format!("{lang}/reports/page/3/index.html"));
        assert_eq!(report_links(&last, lang), 5, "{lang} last page");
        assert!(last.contains(&format!("rel=\"prev\" href=\"/{lang}/reports/page/2/\"")));
        assert!(!last.contains("rel=\"next\""));
        assert!(!site.out().join(format!("{lang}/reports/page/4")).exists());
        // Year archives: 2023 has 12 of the generated reports, 2024 has 11, 2025 the two
        // reports of the default site.
        let y2023 = site.output_file(&format!("{lang}/reports/2023/index.html"));
        let y2023_2 = site.output_file(&format!("{lang}/reports/2023/page/2/index.html"));
        assert_eq!(
            report_links(&y2023, lang) + report_links(&y2023_2, lang),
            12
        );
        let y2025 = site.output_file(&format!("{lang}/reports/2025/index.html"));
        assert_eq!(report_links(&y2025, lang), 2);
        for year in ["2023", "2024", "2025"] {
            assert!(
                first.contains(&format!("href=\"/{lang}/reports/{year}/\"")),
                "{year}"
            );
        }
        assert!(y2025.contains(&format!(
            "<link rel=\"canonical\" href=\"https://amo-site.example/{lang}/reports/2025/\""
        )));
    }
    let fr_year = site.output_file("fr/reports/2024/page/2/index.html");
    assert!(
        fr_year.contains("<h1>Rapports de 2024 — page 2 sur 2</h1>"),
        "{fr_year}"
    );
    assert!(fr_year.contains("<h2 id=\"reports-heading\">Rapports de 2024</h2>"));
    let ar_page = site.output_file("ar/reports/page/2/index.html");
    assert!(ar_page.contains("الصفحة 2 من 3"));

    // Each feed: the 5 newest reports, with their full text.
    let feed = site.output_file("fr/feed.xml");
    assert_eq!(feed.matches("<entry>").count(), 5);
    assert_eq!(feed.matches("<content type=\"html\"").count(), 5);
    assert!(
        feed.contains("Le jeudi 20 février 2025"),
        "full text of the newest report"
    );

    // The sitemap: an index of parts of at most 40 URLs that together list every page once.
    let index = site.output_file("sitemap.xml");
    assert!(index.contains("<sitemapindex"));
    let parts = index.matches("<sitemap>").count();
    let mut locs = Vec::new();
    for n in 1..=parts {
        let part = site.output_file(&format!("sitemaps/{n}.xml"));
        let urls = part.matches("<url>").count();
        assert!(urls <= 40 && urls > 0, "part {n}: {urls} URLs");
        locs.extend(
            part.lines()
                .filter(|l| l.contains("<loc>"))
                .map(str::to_string),
        );
    }
    let html_pages = common::files_under(&site.out())
        .iter()
        .filter(|p| p.ends_with("index.html"))
        .filter(|p| !p.starts_with("embed") && !p.to_string_lossy().contains("404"))
        .count();
    let unique: std::collections::BTreeSet<_> = locs.iter().collect();
    assert_eq!(unique.len(), locs.len(), "no URL twice");
    assert!(locs.iter().any(|l| l.contains("/fr/reports/2023/page/2/")));
    assert!(
        locs.len() >= html_pages - 4,
        "{} URLs for {html_pages} pages",
        locs.len()
    );
}

#[test]
fn a_chart_in_a_report_dated_before_its_data_is_a_located_error() {
    let site = SiteCopy::new();
    site.write(
        "content/reports/2015-01-early.fr.md",
        "---\ntitle: \"Un rapport ancien\"\ndescription: \"Avant les données.\"\nlayout: report\ndate: 2015-01-10\n---\n\nTexte.\n\n{{ chart tadamon-growth }}\n",
    );
    site.write(
        "content/reports/2015-01-early.ar.md",
        "---\ntitle: \"تقرير قديم\"\ndescription: \"قبل البيانات.\"\nlayout: report\ndate: 2015-01-10\n---\n\nنص.\n\n{{ chart tadamon-growth }}\n",
    );
    let out = site.build();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/reports/2015-01-early.fr.md:10:1"),
        "{err}"
    );
    assert!(
        err.contains("content/reports/2015-01-early.ar.md:10:1"),
        "{err}"
    );
    assert!(
        err.contains("chart `tadamon-growth` has no data published by"),
        "{err}"
    );
    assert!(!site.out().exists(), "nothing written");
}

#[test]
fn listing_limits_out_of_range_are_located_errors() {
    let site = SiteCopy::new();
    site.replace("site.yaml", "feed_entries: 20", "feed_entries: 0");
    site.replace(
        "site.yaml",
        "sitemap_max_urls: 50000",
        "sitemap_max_urls: 60000",
    );
    let out = site.build();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("`listing.feed_entries` is 0: it must be between 1 and 10000"),
        "{err}"
    );
    assert!(
        err.contains("`listing.sitemap_max_urls` is 60000: it must be between 1 and 50000"),
        "{err}"
    );
    assert!(err.contains("site.yaml:"), "{err}");
}

#[test]
fn a_report_at_the_address_of_a_year_archive_is_a_located_error() {
    let site = site_with_reports(4);
    for (lang, title) in [("fr", "Bilan"), ("ar", "حصيلة")] {
        site.write(
            &format!("content/reports/2024.{lang}.md"),
            &format!(
                "---\ntitle: \"{title}\"\ndescription: \"{title}.\"\nlayout: report\n\
                 date: 2024-03-01\n---\n\nTexte.\n"
            ),
        );
    }
    let out = site.build();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/reports/2024.fr.md"), "{err}");
    assert!(
        err.contains("would be published at /fr/reports/2024/ and /ar/reports/2024/"),
        "{err}"
    );
    assert!(!site.out().exists(), "nothing written");
}
