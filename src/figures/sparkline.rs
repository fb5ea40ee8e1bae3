//! A tiny trend line for headline figures: the series on a time axis from zero, the last
//! point marked. Decorative (the card says the trend in words), so hidden from screen readers.

use crate::data::Observation;
use askama::Template;

const W: f64 = 120.0;
const H: f64 = 32.0;
const PAD: f64 = 3.0;

/// `templates/xml/sparkline.svg`; coordinates are written with one decimal.
#[derive(Template)]
#[template(path = "xml/sparkline.svg", whitespace = "preserve")]
struct Spark {
    width: f64,
    height: f64,
    pad: f64,
    right: String,
    baseline: String,
    points: String,
    last: (String, String),
}

/// An inline SVG for the observations (one per date is used: the last listed), or `None`
/// when there are fewer than two dates.
pub fn sparkline(observations: &[Observation]) -> Option<String> {
    let mut points: Vec<(f64, f64)> = Vec::new();
    for o in observations {
        let x = o.date.axis_position();
        match points.last_mut() {
            Some(last) if (last.0 - x).abs() < f64::EPSILON => last.1 = o.value,
            _ => points.push((x, o.value)),
        }
    }
    if points.len() < 2 {
        return None;
    }
    let (x0, x1) = (points[0].0, points[points.len() - 1].0);
    let y_max = points
        .iter()
        .map(|p| p.1)
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let sx = |x: f64| PAD + (x - x0) / (x1 - x0).max(f64::MIN_POSITIVE) * (W - 2.0 * PAD);
    let sy = |y: f64| H - PAD - y / y_max * (H - 2.0 * PAD);
    let path: Vec<String> = points
        .iter()
        .map(|&(x, y)| format!("{:.1},{:.1}", sx(x), sy(y)))
        .collect();
    let (lx, ly) = points[points.len() - 1];
    let spark = Spark {
        width: W,
        height: H,
        pad: PAD,
        right: format!("{:.1}", W - PAD),
        baseline: format!("{:.1}", H - PAD),
        points: path.join(" "),
        last: (format!("{:.1}", sx(lx)), format!("{:.1}", sy(ly))),
    };
    spark.render().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{ObsDate, Qualifier};

    fn obs(date: ObsDate, value: f64) -> Observation {
        Observation {
            date,
            value,
            qualifier: Qualifier::Exact,
            source: crate::data::SourceId::new("s"),
            note: None,
        }
    }

    #[test]
    fn draws_from_zero_and_needs_two_dates() {
        assert!(sparkline(&[obs(ObsDate::Year(2024), 1.0)]).is_none());
        let svg = sparkline(&[
            obs(ObsDate::Year(2022), 5.0),
            obs(ObsDate::Year(2024), 10.0),
        ])
        .unwrap();
        assert!(roxmltree::Document::parse(&svg).is_ok());
        // The last point is at the top right; the first halfway down (axis from zero).
        assert!(svg.contains("points=\"3.0,16.0 117.0,3.0\""), "{svg}");
    }
}
