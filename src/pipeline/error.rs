//! Why a build stopped: problems in the input (located, for the user to fix), our own
//! failure (a bug to report), or the output folder that could not be written.

use crate::diagnostics::{Diagnostics, render_all_styled, render_message, summary};
use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum BuildError {
    /// The input has problems; nothing was written.
    Invalid(Diagnostics),
    /// amo-site itself failed on valid input (a template or a download writer).
    Internal {
        stage: &'static str,
        message: String,
    },
    /// Reading an input folder failed.
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Publishing refused the output folder or failed; the published site is intact.
    Publish(crate::output::PublishError),
}

impl BuildError {
    /// The error as the terminal shows it, ending with a summary line; `outcome` says what
    /// became of the output ("nothing was written").
    pub fn render(&self, outcome: &str) -> String {
        self.render_styled(outcome, false)
    }

    /// [`render`](Self::render), with the problems in colour when `styled` (a terminal).
    pub fn render_styled(&self, outcome: &str, styled: bool) -> String {
        match self {
            BuildError::Invalid(diags) => {
                render_all_styled(diags, styled) + &summary(diags, Some(outcome))
            }
            BuildError::Internal { .. } => render_message(
                &self.to_string(),
                Some("this is a bug in amo-site, not in the site: please report it"),
                styled,
            ),
            BuildError::Write { .. } => render_message(
                &format!("could not read the site: {self}"),
                Some(&format!(
                    "{outcome}; the previous output, if any, was left as it was"
                )),
                styled,
            ),
            BuildError::Publish(_) => render_message(
                &self.to_string(),
                Some("the published site, if any, was left as it was"),
                styled,
            ),
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Invalid(d) => write!(f, "{} problem(s) in the input", d.len()),
            BuildError::Internal { stage, message } => {
                write!(f, "internal error in the {stage} stage: {message}")
            }
            BuildError::Write { path, source } => write!(f, "{}: {source}", path.display()),
            BuildError::Publish(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for BuildError {}
