//! Accessibility markup plotters does not write: `role="img"`, `<title>`, `<desc>`,
//! `aria-labelledby`, `lang`, and an explicit `direction` so an inline SVG inside an RTL page
//! does not flip its text anchors.

use crate::html::escape;
use crate::locale::Lang;

/// Replaces plotters' root `<svg …>` tag with an accessible one and adds title and desc.
/// `class` names the layout (`chart-svg chart-wide`) so CSS shows the one that fits.
pub fn make_accessible(
    svg: &str,
    id: &str,
    class: &str,
    lang: Lang,
    title: &str,
    desc: &str,
) -> String {
    let Some(start) = svg.find("<svg") else {
        return svg.to_string();
    };
    let Some(end_rel) = svg[start..].find('>') else {
        return svg.to_string();
    };
    let open = &svg[start..start + end_rel];
    let attr = |name: &str| -> String {
        let key = format!("{name}=\"");
        open.find(&key)
            .and_then(|i| open[i + key.len()..].split('"').next().map(str::to_string))
            .unwrap_or_default()
    };
    let (w, h) = (attr("width"), attr("height"));
    let id = escape(id);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{class}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" lang=\"{lang}\" direction=\"ltr\">\
<title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{desc}</desc>{rest}",
        lang = lang.locale(),
        title = escape(title),
        desc = escape(desc),
        rest = &svg[start + end_rel + 1..],
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn adds_title_desc_and_role() {
        let svg = "<svg width=\"720\" height=\"400\" viewBox=\"0 0 720 400\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/></svg>";
        let out = super::make_accessible(
            svg,
            "c1",
            "chart-svg",
            crate::locale::Lang::Ar,
            "A <b>",
            "D & E",
        );
        assert!(out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" width=\"720\" height=\"400\""));
        assert!(out.contains("role=\"img\""));
        assert!(out.contains("<title id=\"c1-title\">A &lt;b&gt;</title>"));
        assert!(out.contains("<desc id=\"c1-desc\">D &amp; E</desc>"));
        assert!(out.contains("lang=\"ar-MA\""));
        assert!(out.ends_with("<rect/></svg>"));
    }
}
