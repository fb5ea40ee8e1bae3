//! Front matter keys that only some layouts show: `headline:` (the home page's cards) and
//! `regime:` (a regime's explainer, `layout: page`). Each layout has its own template, so a
//! key its layout does not show is an error at the key, never silently dropped.

use super::front_matter::{FrontMatter, Layout, front_position};
use crate::diagnostics::Diagnostics;
use std::path::Path;

/// Reports each key of `front` that its layout does not show; `true` if there is none.
pub fn check(rel: &Path, front: &FrontMatter, diags: &mut Diagnostics) -> bool {
    let layout = front.layout();
    let mut ok = true;
    if let Some(first) = front.headline.first()
        && layout != Layout::Home
    {
        diags.error(
            rel,
            front_position(first),
            "`headline:` figures are shown only on the home page (`layout: home`)",
            "remove `headline:`, or place the figures in the text with {{ figure ID }}",
        );
        ok = false;
    }
    if let Some(regime) = &front.regime
        && layout != Layout::Page
    {
        diags.error(
            rel,
            front_position(regime),
            "`regime:` makes the page its regime's explainer, which has the default layout",
            "remove `regime:`, or the `layout:` line",
        );
        ok = false;
    }
    ok
}

#[cfg(test)]
mod tests {
    use crate::content::front_matter::split_and_parse;
    use crate::diagnostics::Diagnostics;
    use std::path::Path;

    fn errors(front: &str) -> Vec<String> {
        let mut diags = Diagnostics::new();
        let text = format!("---\ntitle: T\ndescription: D\n{front}---\nbody\n");
        split_and_parse(Path::new("content/x.fr.md"), &text, &mut diags);
        diags
            .sorted()
            .iter()
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect()
    }

    #[test]
    fn headline_belongs_to_the_home_page_and_regime_to_an_explainer() {
        assert!(errors("layout: home\nheadline: [a]\n").is_empty());
        assert!(errors("regime: tns\n").is_empty());
        let e = errors("layout: report\nheadline: [a, b]\nregime: tns\n");
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e[0].starts_with("content/x.fr.md:5:12: `headline:`"),
            "{e:?}"
        );
        assert!(e[1].starts_with("content/x.fr.md:6:9: `regime:`"), "{e:?}");
    }
}
