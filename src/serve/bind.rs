//! The `--bind` address: an IPv4 or IPv6 address (`::1` or `[::1]`) or `localhost`, and the
//! warning shown when it is not loopback, since the preview is then reachable from the
//! network and shows the unpublished site to anyone who can reach the machine.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The socket address to listen on for `bind` and `port`.
pub fn parse(bind: &str, port: u16) -> Result<SocketAddr, String> {
    let text = bind.trim();
    let ip: IpAddr = if text.eq_ignore_ascii_case("localhost") {
        IpAddr::V4(Ipv4Addr::LOCALHOST)
    } else {
        let bare = text
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .unwrap_or(text);
        bare.parse().map_err(|_| {
            format!("`{bind}` is not an IP address: use e.g. 127.0.0.1, ::1 or localhost")
        })?
    };
    Ok(SocketAddr::new(ip, port))
}

/// A warning for an address reachable from other machines, `None` for loopback.
pub fn warning(addr: &SocketAddr) -> Option<String> {
    (!addr.ip().is_loopback()).then(|| {
        format!(
            "warning: listening on {}, which is reachable from the network: anyone who can reach this machine can read the unpublished preview. Use --bind 127.0.0.1 to keep it on this machine.",
            addr.ip()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ipv4_ipv6_and_localhost() {
        assert_eq!(parse("127.0.0.1", 8).unwrap().to_string(), "127.0.0.1:8");
        assert_eq!(parse("::1", 8).unwrap().to_string(), "[::1]:8");
        assert_eq!(parse("[::1]", 8).unwrap().to_string(), "[::1]:8");
        assert_eq!(parse("localhost", 8).unwrap().to_string(), "127.0.0.1:8");
        assert!(
            parse("example.org", 8)
                .unwrap_err()
                .contains("not an IP address")
        );
    }

    #[test]
    fn warns_for_every_address_but_loopback() {
        for open in ["0.0.0.0", "::", "192.168.1.10", "10.0.0.2"] {
            let w = warning(&parse(open, 1).unwrap()).unwrap();
            assert!(w.contains("reachable from the network"), "{open}");
        }
        for lo in ["127.0.0.1", "127.1.2.3", "::1", "localhost"] {
            assert!(warning(&parse(lo, 1).unwrap()).is_none(), "{lo}");
        }
    }
}
