//! Live reload: a small script added to served pages, and the server-sent events stream it
//! listens to. tiny_http buffers streamed bodies, so events are written to the raw socket and
//! flushed one by one.

use super::state::State;
use crate::html::escape;
use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

pub const ENDPOINT: &str = "/__livereload";

/// Reloads on `data: reload`; closes the stream when the server says `event: close` (it
/// keeps at most [`MAX_CLIENTS`](super::state::MAX_CLIENTS) open, the oldest closed first).
const SCRIPT: &str = "<script>(function(){var e=new EventSource(\"/__livereload\");e.onmessage=function(){location.reload()};e.addEventListener(\"close\",function(){e.close()})})();</script>";

/// The page with the reload script (and the build error, if the last rebuild failed) added
/// before `</body>`.
pub fn inject(html: &[u8], error: Option<&str>) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let overlay = error
        .map(|e| format!("<div role=\"alert\" style=\"position:fixed;inset-block-end:0;inset-inline:0;max-block-size:60vh;overflow:auto;background:#fff1f0;color:#5c0000;border-block-start:4px solid #b00020;padding:1rem;z-index:99\" dir=\"ltr\" lang=\"en\"><strong>amo-site: the last edit did not build; showing the last good build.</strong><pre style=\"white-space:pre-wrap\">{}</pre></div>", escape(e)))
        .unwrap_or_default();
    let addition = format!("{overlay}{SCRIPT}");
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
