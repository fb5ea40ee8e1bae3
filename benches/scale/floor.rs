//! The floor: what any generator must do at least for the same Markdown. Reads each `.md`,
//! splits off the front matter, renders it with pulldown-cmark, wraps it in a fixed shell and
//! writes it, in parallel with rayon. Nothing a real site needs (links, data, escaping
//! policy, search, feeds) is done.

use rayon::prelude::*;
use std::path::Path;

pub fn run(input: &Path, output: &Path) {
    let files: Vec<_> = walkdir::WalkDir::new(input)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    files.par_iter().for_each(|path| {
        let text = std::fs::read_to_string(path).expect("read");
        let body = text
            .strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---\n"))
            .map_or(text.as_str(), |(_, body)| body);
        let mut html = String::with_capacity(body.len() * 2);
        let parser = pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TABLES);
        html.push_str("<!doctype html><html><head><meta charset=\"utf-8\"><title>page</title></head><body><main>");
        pulldown_cmark::html::push_html(&mut html, parser);
        html.push_str("</main></body></html>\n");
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
        let dir = output.join(stem);
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join("index.html"), html).expect("write");
    });
}
