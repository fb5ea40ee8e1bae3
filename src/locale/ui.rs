//! Interface strings (navigation, labels, captions): one table per language, loaded from
//! `i18n/ar.yaml` and `i18n/fr.yaml` and checked by `tables`.
//!
//! The list of keys is declared once, below, each with the placeholders its text takes
//! (`citation {sources, as_of, …}`, none for most); the struct, the key lists and the
//! placeholder lists the checker uses, and the constructor all come from it.

use std::collections::BTreeMap;

/// A text with one form per CLDR plural category (`zero`, `one`, `two`, `few`, `many`,
/// `other`); `{n}` stands for the number.
#[derive(Debug, Clone, Default)]
pub struct PluralText {
    pub forms: BTreeMap<String, String>,
}

macro_rules! ui_table {
    (
        texts: [$($t:ident $({$($tp:ident),* $(,)?})?),* $(,)?],
        plurals: [$($p:ident $({$($pp:ident),* $(,)?})?),* $(,)?] $(,)?
    ) => {
        /// Every interface string of the site in one language.
        #[derive(Debug, Clone, Default)]
        pub struct UiText {
            $(pub $t: String,)*
            $(pub $p: PluralText,)*
        }

        /// Keys whose value is a single text.
        pub const TEXT_KEYS: &[&str] = &[$(stringify!($t)),*];
        /// Keys whose value has plural forms.
        pub const PLURAL_KEYS: &[&str] = &[$(stringify!($p)),*];

        /// The placeholders the text of `key` takes, without braces (`["value", "date"]`);
        /// empty for a key that takes none or is unknown.
        pub fn placeholders(key: &str) -> &'static [&'static str] {
            match key {
                $(stringify!($t) => &[$($(stringify!($tp)),*)?],)*
                $(stringify!($p) => &[$($(stringify!($pp)),*)?],)*
                _ => &[],
            }
        }

        impl UiText {
            /// Builds the table from checked entries (missing keys were reported already).
            pub fn from_entries(mut texts: BTreeMap<String, String>, mut plurals: BTreeMap<String, PluralText>) -> UiText {
                UiText {
                    $($t: texts.remove(stringify!($t)).unwrap_or_default(),)*
                    $($p: plurals.remove(stringify!($p)).unwrap_or_default(),)*
                }
            }
        }
    };
}

ui_table! {
    texts: [
        skip_to_content,
        nav_label,
        nav_home,
        nav_regimes,
        nav_coverage,
        nav_care,
        nav_data,
        nav_about,
        language_switch_label,
        headline_figures,
        the_four_regimes,
        key_figures,
        regime_facts,
        managed_by,
        legal_basis,
        who_is_covered,
        who_pays,
        read_more,
        source,
        sources,
        as_of,
        definition,
        note,
        download_data,
        show_data_table,
        table_date,
        table_series,
        table_value,
        table_source,
        unit_label,
        qualifier_at_least,
        qualifier_about,
        qualifier_target,
        unit_persons,
        unit_percent,
        unit_mad,
        unit_mad_per_month,
        unit_files_per_day,
        unit_count,
        datasets,
        dataset_period,
        dataset_formats,
        published,
        via,
        no_address,
        licence,
        publisher,
        choose_language,
        footer_note,
        hollow_markers,
        list_separator,
        fallback_notice,
        sitemap_title,
        citation {sources, as_of, publisher, site, url},
        download_csv_title,
        download_xlsx,
        download_image,
        embed_label,
        embed_back,
        file_size {n},
        cite_as,
        data_package,
        trend_since {value, date},
        updated_since {value, date},
        report_figures_as_of {date},
        published_on,
        latest_reports,
        all_reports,
        reports_year_title {year},
        listing_page_title {title, n, total},
        pager_label,
        pager_previous,
        pager_next,
        pager_position {n, total},
        reports_by_year,
        not_found_title,
        not_found_text,
        feed_title,
        search_title,
        search_description,
        search_label,
        search_button,
        search_intro,
        search_az_hint,
        search_no_results {q},
        search_loading,
        search_error,
        search_results_label,
        search_kind_page,
        search_kind_regime,
        search_kind_report,
        search_kind_data,
        search_kind_chart,
        search_kind_dataset,
        search_kind_source,
        search_kind_guide,
        guide_title,
        guide_description,
        guide_cta,
        guide_step {n, total},
        guide_step_at_most {n, total},
        guide_result,
        guide_restart,
        guide_your_regime,
        guide_no_regime,
        guide_explainer {regime},
        guide_next_steps,
        guide_silent,
        az_title,
        az_description,
        az_letters_label,
        tooltip {series, date, value, source},
        source_line {publishers, documents},
        list_and,
        comma,
        card_or,
        citation_short {publishers, site, as_of},
        citation_full {publisher, title, site, as_of, documents, url},
        cite_short,
        cite_full,
        about_data,
        embed_help,
        date_year {date},
        date_month {date},
        date_day {date},
        notes_title,
        note_ref_label {n},
        note_back,
        note_definition,
        note_observed {date},
        chart_summary_title {title},
        chart_summary_series {label, first, first_date, last, last_date},
        chart_summary_single {label, value, date}
    ],
    plurals: [observations_count {n}, sources_count {n}, search_results_count {n, q}, documents_count {n}],
}
