//! Live reload: a small script added to served pages, and the server-sent events stream it
//! listens to. tiny_http buffers streamed bodies, so events are written to the raw socket and
//! flushed one by one.

use super::state::State;
use askama::Template;
use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

pub const ENDPOINT: &str = "/__livereload";

/// `templates/inline/live-reload.html`: the last build's error over the page, if any, and
/// the script, which reloads on `data: reload` and closes the stream when the server says
/// `event: close` (it keeps at most [`MAX_CLIENTS`](super::state::MAX_CLIENTS) open, the
/// oldest closed first).
#[derive(Template)]
#[template(path = "inline/live-reload.html", whitespace = "preserve")]
struct Addition<'a> {
    error: Option<&'a str>,
    endpoint: &'static str,
}

/// The page with the reload script (and the build error, if the last rebuild failed) added
/// before `</body>`.
pub fn inject(html: &[u8], error: Option<&str>) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let addition = Addition {
        error,
        endpoint: ENDPOINT,
    }
    .render()
    .unwrap_or_default();
    match text.rfind("</body>") {
        Some(i) => format!("{}{addition}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{addition}").into_bytes(),
    }
}

/// Holds the connection open and sends `data: reload` after each rebuild, until the client
/// goes away or a newer one takes its place.
pub fn stream(request: tiny_http::Request, state: &State) {
    let (tx, rx) = mpsc::channel();
    state.subscribe(tx);
    let mut w = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n";
    if w.write_all(head.as_bytes())
        .and_then(|()| w.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(()) => "data: reload\n\n",
            Err(mpsc::RecvTimeoutError::Timeout) => ": keep-alive\n\n",
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                // Dropped to make room for a newer page: ask the browser to hang up.
                let _ = w
                    .write_all(b"event: close\ndata: too many open pages\n\n")
                    .and_then(|()| w.flush());
                return;
            }
        };
        if w.write_all(message.as_bytes())
            .and_then(|()| w.flush())
            .is_err()
        {
            return;
        }
    }
}
