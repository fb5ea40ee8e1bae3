//! The two languages of the site.

use serde::Deserialize;
use std::fmt;

/// A language the site is published in. Arabic comes first: most readers read it first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ar,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ar, Lang::Fr];

    /// The ASCII code used in URLs and file suffixes (`ar`, `fr`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
        }
    }

    /// The BCP 47 tag used in `lang` attributes and for CLDR data (`ar-MA`, `fr-MA`).
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Ar => "ar-MA",
            Lang::Fr => "fr-MA",
        }
    }

    /// `rtl` or `ltr`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::Fr => "ltr",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The language's own name, as shown on the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Fr => "Français",
        }
    }

    /// The other language of the pair.
    pub fn other(self) -> Lang {
        match self {
            Lang::Ar => Lang::Fr,
            Lang::Fr => Lang::Ar,
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "ar" => Some(Lang::Ar),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
