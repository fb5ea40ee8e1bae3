//! One zip of all the data (CSV, JSON and the data package), with fixed timestamps so the
//! same data gives the same bytes.

use crate::output::OutputFile;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

pub fn zip_of(files: &[&OutputFile]) -> Result<Vec<u8>, String> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for f in files {
        w.start_file(f.path.as_str(), options)
            .map_err(|e| e.to_string())?;
        w.write_all(&f.bytes).map_err(|e| e.to_string())?;
    }
    Ok(w.finish().map_err(|e| e.to_string())?.into_inner())
}
