//! `amo-site serve`: builds the site in memory, serves it on loopback, watches the sources
//! and rebuilds on every change, then tells open tabs to reload (server-sent events).
//!
//! The site is served from memory, never from disk: a request can only ever reach a file the
//! build produced, so `..`, encoded variants and symlinks all end in 404. A failed rebuild
//! keeps serving the last good site, with the error shown in the terminal and on every page.
//! The live-reload script is added to pages as they are served; built files never carry it.

mod bind;
mod live_reload;
mod state;
mod watch;

use state::State;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tiny_http::{Header, Response, Server};

/// Serves the site at `root` on `bind:port` until the process is stopped.
pub fn serve(root: &Path, bind: &str, port: u16) -> Result<(), String> {
    let addr: SocketAddr = bind::parse(bind, port)?;
    if let Some(warning) = bind::warning(&addr) {
        eprintln!("{warning}");
    }
    let server = Server::http(addr).map_err(|e| listen_error(e.as_ref(), addr))?;
    let local = server.server_addr().to_ip().map_or(addr, |a| a);
    let state = Arc::new(State::default());
    let root: PathBuf = root.to_path_buf();
    state.rebuild(&root);
    println!(
        "serving the site on http://{local}/ (Arabic: /ar/, French: /fr/); watching {} for changes",
        root.display()
    );
    watch::spawn(root, Arc::clone(&state))?;
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        std::thread::spawn(move || handle(request, &state));
    }
    Ok(())
}

/// The message for a failed listen: a port in use is told apart by its error kind.
fn listen_error(e: &(dyn std::error::Error + 'static), addr: SocketAddr) -> String {
    let kind = e.downcast_ref::<std::io::Error>().map(std::io::Error::kind);
    if kind == Some(std::io::ErrorKind::AddrInUse) {
        format!(
            "port {} is already in use on {}: stop the other server or choose another port with --port",
            addr.port(),
            addr.ip()
        )
    } else {
        format!("cannot listen on {addr}: {e}")
    }
}

fn handle(request: tiny_http::Request, state: &State) {
    let url = request.url().to_string();
    if url == live_reload::ENDPOINT {
        live_reload::stream(request, state);
        return;
    }
    let response = match lookup(state, &url) {
        Some((path, bytes)) => {
            let body = if path.ends_with(".html") {
                live_reload::inject(&bytes, state.error().as_deref())
            } else {
                bytes
            };
            Response::from_data(body)
                .with_header(content_type(&path))
                .with_header(header("Cache-Control", "no-store"))
        }
        None => {
            let lang = if url.starts_with("/ar/") { "ar" } else { "fr" };
            let page = state
                .file(&format!("{lang}/404.html"))
                .unwrap_or_else(|| b"404".to_vec());
            Response::from_data(live_reload::inject(&page, state.error().as_deref()))
                .with_status_code(404)
                .with_header(header("Content-Type", "text/html; charset=utf-8"))
        }
    };
    let _ = request.respond(response);
}

/// The built file a request path names, if any. Only exact matches of built paths are
/// served: anything with `..`, a backslash or a NUL after decoding is refused.
fn lookup(state: &State, url: &str) -> Option<(String, Vec<u8>)> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path)?;
    if decoded.split('/').any(|seg| seg == "..") || decoded.contains('\\') || decoded.contains('\0')
    {
        return None;
    }
    let file = crate::urls::output_file(&decoded);
    let file = if state.file(&file).is_none()
        && !decoded.ends_with('/')
        && state.file(&format!("{file}/index.html")).is_some()
    {
        format!("{file}/index.html")
    } else {
        file
    };
    state.file(&file).map(|b| (file, b))
}

/// `%XX` escapes decoded; `None` unless the result is UTF-8 (a path no built file has).
fn percent_decode(s: &str) -> Option<String> {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(std::borrow::Cow::into_owned)
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header")
}

fn content_type(path: &str) -> Header {
    let ext = path.rsplit('.').next().unwrap_or_default();
    let value = match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "zip" => "application/zip",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    header("Content-Type", value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_port_in_use_is_told_by_its_error_kind_not_its_message() {
        let addr: SocketAddr = "127.0.0.1:8123".parse().unwrap();
        let taken: Box<dyn std::error::Error + Send + Sync> =
            Box::new(std::io::Error::new(std::io::ErrorKind::AddrInUse, "busy"));
        assert!(
            listen_error(taken.as_ref(), addr)
                .starts_with("port 8123 is already in use on 127.0.0.1:")
        );
        // A message that merely mentions "in use" is not a port in use.
        let other: Box<dyn std::error::Error + Send + Sync> = Box::new(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "address in use by policy",
        ));
        assert_eq!(
            listen_error(other.as_ref(), addr),
            "cannot listen on 127.0.0.1:8123: address in use by policy"
        );
        // A real second listener on a taken port reports the kind too.
        let first = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let busy = first.local_addr().unwrap();
        let err = Server::http(busy).err().expect("the port is taken");
        assert!(listen_error(err.as_ref(), busy).contains("is already in use"));
    }

    #[test]
    fn traversal_and_encoded_variants_are_refused() {
        let state = State::default();
        state.replace_files(vec![
            crate::output::OutputFile::new("fr/index.html", "x"),
            crate::output::OutputFile::new("static/a.css", "y"),
        ]);
        assert!(lookup(&state, "/fr/").is_some());
        assert!(lookup(&state, "/fr").is_some());
        assert!(lookup(&state, "/static/a.css?v=1").is_some());
        for bad in [
            "/../site.yaml",
            "/%2e%2e/site.yaml",
            "/fr/%2E%2E/%2E%2E/etc/passwd",
            "/static/..%2fa.css",
            "/fr/..\\\\x",
            "/%ZZ",
            "/nothing",
        ] {
            assert!(lookup(&state, bad).is_none(), "{bad}");
        }
    }
}
