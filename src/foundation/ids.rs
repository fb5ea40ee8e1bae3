//! Typed ids. An id names a source, a regime, an indicator or a chart; it appears in URLs
//! and file names, so it is lowercase ASCII letters, digits and single hyphens. Each kind
//! of id is its own type, so an indicator id can never be looked up among the sources.
//!
//! Ids borrow as `str` (maps keyed by an id can be searched with a `&str`) and order like
//! their text, so sorted output does not change with the type.

use std::borrow::Borrow;
use std::fmt;

/// Whether `id` is a well-formed id: lowercase ASCII letters, digits and single hyphens,
/// neither first nor last.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id that validation has already checked.
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }
    };
}

id_type!(
    /// The id of a source in `data/sources.yaml`.
    SourceId
);
id_type!(
    /// The id of a regime in `data/regimes.yaml`.
    RegimeId
);
id_type!(
    /// The id of an indicator: the stem of its file in `data/indicators/`.
    IndicatorId
);
id_type!(
    /// The id of a chart in `data/charts.yaml`.
    ChartId
);

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn ids_are_checked_ascii_slugs() {
        assert!(is_valid_id("tadamon-beneficiaries"));
        assert!(is_valid_id("cnss-2024"));
        for bad in ["", "-a", "a-", "a--b", "Tadamon", "é", "a_b", "a b"] {
            assert!(!is_valid_id(bad), "{bad:?} accepted");
        }
    }

    #[test]
    fn maps_keyed_by_ids_are_searched_with_text_and_sorted_like_text() {
        let mut m = BTreeMap::new();
        for k in ["tns", "amo-registered", "tadamon"] {
            m.insert(IndicatorId::new(k), ());
        }
        assert!(m.contains_key("tadamon"));
        let order: Vec<&str> = m.keys().map(IndicatorId::as_str).collect();
        assert_eq!(order, ["amo-registered", "tadamon", "tns"]);
    }
}
