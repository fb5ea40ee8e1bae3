//! The one rule for which URLs may be published, used by Markdown links and images, data
//! (source addresses) and configuration (`base_url`, `data_licence.url`) alike.
//!
//! A URL is read the way a browser reads it: tabs and newlines anywhere are dropped, and
//! leading spaces and control characters are ignored; the scheme is compared without case.
//! Allowed: `http:`, `https:`, `mailto:`, `tel:`, relative paths and `#fragment`s, and for
//! images only a `data:image/png|jpeg|gif|webp|avif` URL. Everything else (`javascript:`,
//! `vbscript:`, `data:text/html`, `file:`, unknown schemes) is refused with the reason.

/// Where a URL is used: images may also be inline raster `data:` URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    Link,
    Image,
}

/// The schemes a link may use.
pub const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

const DATA_IMAGE_TYPES: [&str; 5] = ["png", "jpeg", "gif", "webp", "avif"];

/// `Ok` when `url` may be published as `href`/`src`; otherwise why not.
pub fn check(url: &str, usage: UrlUse) -> Result<(), String> {
    // Without a `:`, or starting with `/`, `?` or `#` (nearly every link of a page), the
    // address has no scheme, whatever removing tabs and newlines would make of it.
    if url.starts_with(['/', '?', '#']) || memchr::memchr(b':', url.as_bytes()).is_none() {
        return Ok(());
    }
    check_scheme(url, usage)
}

/// [`check`] without its shortcut: the scheme of the normalised address.
fn check_scheme(url: &str, usage: UrlUse) -> Result<(), String> {
    let normal = normalise(url);
    let Some(scheme) = scheme_of(&normal) else {
        return Ok(());
    };
    if ALLOWED_SCHEMES.contains(&scheme.as_str()) {
        return Ok(());
    }
    if scheme == "data" && usage == UrlUse::Image && is_raster_data_image(&normal) {
        return Ok(());
    }
    Err(format!(
        "the address `{}` uses the scheme `{scheme}:`, which is not allowed",
        shorten(url)
    ))
}

/// The hint shown with a refused URL.
pub fn hint(usage: UrlUse) -> &'static str {
    match usage {
        UrlUse::Link => {
            "links may use http:, https:, mailto: or tel:, or be relative (`/fr/data/`, `#section`)"
        }
        UrlUse::Image => {
            "images may use http:, https:, a relative path, or a data:image/png, jpeg, gif, webp or avif URL"
        }
    }
}

/// Checks an absolute web address (data source, licence, base URL): `http://` or
/// `https://`, a host, and no whitespace, control character, quote or angle bracket.
pub fn check_absolute_web(url: &str) -> Result<(), String> {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let Some(rest) = rest else {
        return Err(format!(
            "`{}` is not an absolute web address (it must start with https:// or http://)",
            shorten(url)
        ));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || host.starts_with(':') || host.starts_with('@') {
        return Err(format!("`{}` names no host", shorten(url)));
    }
    if let Some(c) = url.chars().find(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\')
    }) {
        return Err(format!(
            "`{}` contains {}, which a web address cannot hold as is",
            shorten(url),
            describe(c)
        ));
    }
    Ok(())
}

/// Tabs and newlines removed everywhere, leading controls and spaces trimmed (WHATWG URL).
fn normalise(url: &str) -> String {
    url.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_start_matches(|c: char| c <= ' ')
        .to_string()
}

/// The lowercase text before the first `:` when no `/`, `?` or `#` comes before it. It is
/// taken as a scheme even when the URL grammar would not accept it (`jav&#x61;script`):
/// a browser may decode or strip what the grammar does not, so anything of that shape
/// must be on the allowed list.
fn scheme_of(url: &str) -> Option<String> {
    let end = url.find(':')?;
    let candidate = &url[..end];
    (!candidate.contains(['/', '?', '#'])).then(|| candidate.to_ascii_lowercase())
}

fn is_raster_data_image(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("data:image/") else {
        return false;
    };
    let subtype = rest.split([';', ',']).next().unwrap_or_default();
    DATA_IMAGE_TYPES.contains(&subtype)
}

fn describe(c: char) -> String {
    if c.is_whitespace() {
        "a space".into()
    } else if c.is_control() {
        format!("the control character U+{:04X}", c as u32)
    } else {
        format!("`{c}`")
    }
}

/// At most 80 characters of a URL for a message (a data: URL may be megabytes long).
fn shorten(url: &str) -> String {
    let printable: String = url
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    if printable.chars().count() > 80 {
        format!("{}…", printable.chars().take(80).collect::<String>())
    } else {
        printable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_schemes_are_refused_in_every_spelling() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd",
            "blob:https://x/1",
        ] {
            assert!(check(bad, UrlUse::Link).is_err(), "{bad:?}");
            assert!(check(bad, UrlUse::Image).is_err(), "{bad:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_cases(2048))]

        /// The shortcut for addresses without a scheme decides as the full check does.
        #[test]
        fn the_shortcut_agrees_with_the_scheme_check(url in "[/?#:a-zA-Z\t\n \x01&.]{0,12}") {
            for usage in [UrlUse::Link, UrlUse::Image] {
                proptest::prop_assert_eq!(check(&url, usage), check_scheme(&url, usage));
            }
        }
    }

    #[test]
    fn web_mail_phone_relative_and_fragments_are_allowed() {
        for good in [
            "https://www.cnss.ma/",
            "HTTP://x.ma",
            "mailto:contact@example.ma",
            "tel:+212500000000",
            "/fr/data/",
            "../regimes/tadamon/",
            "#section",
            "?q=1",
            "page.html",
            "//cdn.example/x.png",
            "./a:b",
        ] {
            assert!(check(good, UrlUse::Link).is_ok(), "{good}");
        }
    }

    #[test]
    fn data_images_only_as_images_and_only_raster() {
        assert!(check("data:image/png;base64,iVBOR", UrlUse::Image).is_ok());
        assert!(check("data:image/png;base64,iVBOR", UrlUse::Link).is_err());
        assert!(check("data:image/svg+xml,<svg onload=x>", UrlUse::Image).is_err());
    }

    #[test]
    fn absolute_web_addresses() {
        assert!(check_absolute_web("https://www.cnss.ma/fr/amo").is_ok());
        assert!(check_absolute_web("http://x.ma").is_ok());
        for bad in [
            "javascript:alert(1)",
            "https://",
            "https:///x",
            "www.cnss.ma",
            "https://x.ma/\" onmouseover=\"alert(1)",
            "https://x.ma/<script>",
            "https://x.ma/a b",
            "https://x.ma/\u{7}",
        ] {
            assert!(check_absolute_web(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn messages_are_short_for_huge_urls() {
        let huge = format!("javascript:{}", "a".repeat(100_000));
        assert!(check(&huge, UrlUse::Link).unwrap_err().len() < 200);
    }
}
