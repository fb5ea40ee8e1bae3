//! `amo-site serve` over loopback: answers, reloads open pages after an edit, refuses path
//! traversal, and survives a broken edit by keeping the last good site. On the frozen fixture
//! site (`tests/fixtures/site`).

mod common;

use common::SiteCopy;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &SiteCopy) -> Server {
    start_on(site, &[]).0
}

/// Starts `serve` with extra arguments; returns the server and the host it printed.
fn start_on(site: &SiteCopy, extra: &[&str]) -> (Server, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_amo-site"))
        .args(["serve", "--port", "0", "--root"])
        .arg(site.root())
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (host, port) = loop {
        let line = lines.next().expect("server printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("serving the site on http://") {
            let addr = rest.split('/').next().unwrap();
            let (host, port) = addr.rsplit_once(':').unwrap();
            break (host.to_string(), port.parse().unwrap());
        }
    };
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (Server { child, port }, host)
}

/// A raw HTTP/1.0 GET (the path is sent exactly as given): (status, body).
fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|x| x.1.to_string())
        .unwrap_or_default();
    (status, body)
}

/// An open live-reload stream.
fn listen(port: u16) -> BufReader<TcpStream> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(s, "GET /__livereload HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut r = BufReader::new(s);
    let mut line = String::new();
    while !line.starts_with(": connected") {
        line.clear();
        r.read_line(&mut line).unwrap();
    }
    r
}

fn wait_for_reload(r: &mut BufReader<TcpStream>) -> Duration {
    let started = Instant::now();
    let mut line = String::new();
    loop {
        line.clear();
        r.read_line(&mut line).expect("reload event");
        if line.starts_with("data: reload") {
            return started.elapsed();
        }
    }
}

#[test]
fn serves_reloads_refuses_traversal_and_survives_a_broken_edit() {
    let site = SiteCopy::fixture();
    let server = start(&site);
    let port = server.port;

    let (status, body) = get(port, "/fr/");
    assert_eq!(status, 200);
    assert!(
        body.contains("/__livereload"),
        "reload script injected while serving"
    );
    assert!(body.contains("<html lang=\"fr-MA\""));
    assert_eq!(get(port, "/static/css/site.css").0, 200);

    for bad in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/fr/%2E%2E/%2E%2E/site.yaml",
        "/static/..%2f..%2fsite.yaml",
        "/content/about.fr.md",
    ] {
        assert_eq!(get(port, bad).0, 404, "{bad}");
    }

    // An edit: the open page is told to reload, and the new text is served.
    let mut events = listen(port);
    site.replace(
        "content/about.fr.md",
        "## Réutiliser les données",
        "Texte ajouté pendant le test.\n\n## Réutiliser les données",
    );
    let took = wait_for_reload(&mut events);
    eprintln!(
        "edit to reload event: {} ms (debug build)",
        took.as_millis()
    );
    assert!(
        get(port, "/fr/about/")
            .1
            .contains("Texte ajouté pendant le test.")
    );

    // A broken edit: the last good site stays, with the error shown on the page.
    site.replace("content/about.fr.md", "nav: 5\n", "nav: [cinq\n");
    wait_for_reload(&mut events);
    let (status, body) = get(port, "/fr/about/");
    assert_eq!(status, 200);
    assert!(
        body.contains("Texte ajouté pendant le test."),
        "last good build still served"
    );
    assert!(
        body.contains("role=\"alert\"") && body.contains("content/about.fr.md:4:"),
        "error shown in the page"
    );

    // Fixed again: the error goes away.
    site.replace("content/about.fr.md", "nav: [cinq\n", "nav: 5\n");
    wait_for_reload(&mut events);
    assert!(!get(port, "/fr/about/").1.contains("role=\"alert\""));
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let site = SiteCopy::fixture();
    let out = Command::new(env!("CARGO_BIN_EXE_amo-site"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        common::stderr(&out).contains(&format!("port {port} is already in use")),
        "{}",
        common::stderr(&out)
    );
}

/// An editor that saves by writing a temporary file and renaming it over `site.yaml`
/// replaces the file; the server watches folders, so every such save is picked up.
#[test]
fn editor_style_saves_over_site_yaml_are_picked_up_every_time() {
    let site = SiteCopy::fixture();
    let server = start(&site);
    let mut events = listen(server.port);
    let original = site.read("site.yaml");
    for n in 1..=3 {
        let text = original.replace("fr: \"L’AMO en chiffres\"", &format!("fr: \"Titre {n}\""));
        assert_ne!(text, original);
        let tmp = site.root().join(".site.yaml.tmp");
        std::fs::write(&tmp, text).unwrap();
        std::fs::rename(&tmp, site.root().join("site.yaml")).unwrap();
        wait_for_reload(&mut events);
        let body = get(server.port, "/fr/").1;
        assert!(
            body.contains(&format!("Titre {n}")),
            "save {n} was not picked up"
        );
    }
}

#[test]
fn localhost_and_ipv6_loopback_are_accepted() {
    let site = SiteCopy::fixture();
    let (server, host) = start_on(&site, &["--bind", "localhost"]);
    assert_eq!(host, "127.0.0.1");
    assert_eq!(get(server.port, "/fr/").0, 200);
    drop(server);
    if std::net::TcpListener::bind("[::1]:0").is_ok() {
        let (server, host) = start_on(&site, &["--bind", "::1"]);
        assert_eq!(host, "[::1]");
        let mut s = TcpStream::connect(("::1", server.port)).unwrap();
        write!(s, "GET /fr/ HTTP/1.0\r\n\r\n").unwrap();
        let mut buf = String::new();
        s.read_to_string(&mut buf).unwrap();
        let status = buf.lines().next().unwrap_or_default();
        assert!(
            status.starts_with("HTTP/1.") && status.contains(" 200 "),
            "{status}"
        );
        assert!(buf.contains("<html lang=\"fr-MA\""));
    } else {
        // No IPv6 on this machine: the address must still be understood (the error is
        // about listening, not about the address).
        let out = Command::new(env!("CARGO_BIN_EXE_amo-site"))
            .args(["serve", "--port", "0", "--bind", "::1", "--root"])
            .arg(site.root())
            .output()
            .unwrap();
        let err = common::stderr(&out);
        assert!(err.contains("cannot listen on [::1]"), "{err}");
    }
}

/// A non-loopback address is warned about before anything listens. The port is taken on
/// loopback first, so the server fails to listen and nothing is exposed during the test.
#[test]
fn a_non_loopback_bind_prints_a_warning() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let site = SiteCopy::fixture();
    let out = Command::new(env!("CARGO_BIN_EXE_amo-site"))
        .args([
            "serve",
            "--bind",
            "0.0.0.0",
            "--port",
            &port.to_string(),
            "--root",
        ])
        .arg(site.root())
        .output()
        .unwrap();
    let err = common::stderr(&out);
    assert!(
        err.contains("warning: listening on 0.0.0.0, which is reachable from the network"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1), "{err}");
}

fn threads_of(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .count()
}

/// At most 64 live-reload streams stay open: the oldest are told to close (as a browser's
/// EventSource does on `event: close`), and their threads end.
#[test]
fn live_reload_clients_are_bounded_oldest_closed_first() {
    let site = SiteCopy::fixture();
    let server = start(&site);
    let pid = server.child.id();
    let mut streams: Vec<_> = (0..150).map(|_| listen(server.port)).collect();
    // The 86 oldest are closed by the server, in order.
    for (n, r) in streams.iter_mut().take(86).enumerate() {
        let mut line = String::new();
        loop {
            line.clear();
            let read = r.read_line(&mut line).unwrap();
            assert!(read > 0, "stream {n} ended without a close event");
            if line.starts_with("event: close") {
                break;
            }
        }
    }
    streams.drain(..86);
    let started = Instant::now();
    while threads_of(pid) > 64 * 2 + 24 && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(100));
    }
    let threads = threads_of(pid);
    assert!(
        threads <= 64 * 2 + 24,
        "{threads} threads for 64 open pages"
    );
    // The 64 newest still get the reload.
    site.replace(
        "content/about.fr.md",
        "## Réutiliser les données",
        "Ajout.\n\n## Réutiliser les données",
    );
    for r in streams.iter_mut() {
        wait_for_reload(r);
    }
}
