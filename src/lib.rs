//! amo-site: a static site generator for the bilingual (Arabic RTL / French) public
//! reporting site of Morocco's compulsory health insurance (AMO).
//!
//! The pipeline flows one way, one folder per stage:
//!
//! | stage | module | owns |
//! |---|---|---|
//! | load + validate | [`config`], [`data`], [`content`] | `site.yaml`, `data/*.yaml`, `content/*.md` → typed, checked values |
//! | model | [`figures`], [`site`] | charts drawn, Markdown rendered with directives, pages paired |
//! | render | [`render`], [`exports`] | HTML through askama templates; CSV and JSON downloads |
//! | write | [`output`] | staging directory, then an atomic swap |
//!
//! Commands beside the pipeline: [`scaffold`] (`amo-site new`), [`check`] (`amo-site check`),
//! [`serve`] (`amo-site serve`, preview with live reload).
//!
//! Loading helpers: [`input_tree`] (walking input folders: unreadable folders, symbolic links).
//!
//! Cross-cutting: [`locale`] (languages, CLDR formatting, interface strings, bidi),
//! [`diagnostics`] (located errors), [`urls`] (every published path), [`html`] (escaping), [`json_script`] (JSON inside `<script>`).

pub mod cache;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod context;
pub mod data;
pub mod diagnostics;
pub mod exports;
pub mod figures;
pub mod foundation;
pub mod html;
pub mod input_tree;
pub mod json_script;
pub mod locale;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod urls;

#[cfg(test)]
mod test_support;
