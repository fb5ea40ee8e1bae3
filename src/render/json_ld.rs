//! schema.org `Dataset` descriptions (JSON-LD) for the data page, so dataset search engines
//! find every series with its licence, creator, coverage and downloads.

use crate::context::LangCtx;
use crate::urls;
use serde_json::json;

/// A `<script type="application/ld+json">` body listing every indicator as a Dataset.
/// `<`, `>` and `&` are escaped (see [`crate::json_script`]) so no HTML parser ends or
/// re-enters the script element early.
pub fn datasets(lx: &LangCtx) -> String {
    let (c, lang) = (lx.config, lx.lang);
    let creator =
        json!({"@type": "Organization", "name": c.publisher.get(lang), "url": c.base_url});
    let graph: Vec<_> = lx
        .data
        .indicators
        .values()
        .map(|ind| {
            let first = ind.observations.first().map(|o| o.date.iso()).unwrap_or_default();
            let last = ind.observations.last().map(|o| o.date.iso()).unwrap_or_default();
            let description = ind.definition.get(lang);
            json!({
                "@type": "Dataset",
                "@id": c.absolute(&format!("{}#{}", urls::data_page(lang), urls::indicator_anchor(&ind.id))),
                "name": ind.title.get(lang),
                "description": description,
                "inLanguage": lang.locale(),
                "license": c.data_licence.url,
                "isAccessibleForFree": true,
                "creator": creator,
                "temporalCoverage": if first == last { first } else { format!("{first}/{last}") },
                "spatialCoverage": {"@type": "Place", "name": c.country.get(lang)},
                "distribution": [
                    {"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": c.absolute(&urls::indicator_csv(&ind.id))},
                    {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": c.absolute(&urls::indicator_json(&ind.id))},
                    {"@type": "DataDownload", "encodingFormat": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "contentUrl": c.absolute(&urls::indicator_xlsx(&ind.id, lang))}
                ]
            })
        })
        .collect();
    let doc = json!({"@context": "https://schema.org", "@graph": graph});
    crate::json_script::escape(&serde_json::to_string(&doc).unwrap_or_default())
}
