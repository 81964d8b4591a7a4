//! Open-loop load on `/api/search`: requests are sent on a fixed schedule (RATE per second,
//! whatever the server's pace), and each latency is measured from its scheduled time, so a
//! slow server cannot hide its queueing (no coordinated omission). Keep-alive connections.
//!
//! Usage: load HOST:PORT RATE SECONDS QUERIES_FILE [HOSTILE_FILE SHARE]
//! QUERIES_FILE holds one search text per line. With HOSTILE_FILE (one request path per
//! line, e.g. `/api/search?q=the+the+…` or `/api/quotes?about=…`), that SHARE of the
//! requests (0-1, spread evenly through the schedule) are hostile. Prints throughput and
//! latency percentiles, for normal and hostile requests apart, and the statuses seen.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

type Conn = BufReader<TcpStream>;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (addr, rate, seconds, queries, hostile) = match &args[..] {
        [_, addr, rate, seconds, queries] => (addr, rate, seconds, queries, None),
        [_, addr, rate, seconds, queries, hostile, share] => (addr, rate, seconds, queries, Some((hostile, share))),
        _ => return Err("usage: load HOST:PORT RATE SECONDS QUERIES_FILE [HOSTILE_FILE SHARE]".into()),
    };
    let rate: f64 = rate.parse()?;
    let seconds: f64 = seconds.parse()?;
    let queries: Vec<String> =
        std::fs::read_to_string(queries)?.lines().map(encode).filter(|q| !q.is_empty()).collect();
    if queries.is_empty() {
        return Err("no queries".into());
    }
    let (hostile, share): (Vec<String>, f64) = match hostile {
        Some((file, share)) => (
            std::fs::read_to_string(file)?.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect(),
            share.parse()?,
        ),
        None => (Vec::new(), 0.0),
    };
    let idle: Arc<Mutex<Vec<Conn>>> = Arc::new(Mutex::new(Vec::new()));
    let total = (rate * seconds) as usize;
    let start = Instant::now() + Duration::from_millis(100);
    let mut tasks = Vec::with_capacity(total);
    for i in 0..total {
        let scheduled = start + Duration::from_secs_f64(i as f64 / rate);
        // Request i is hostile when the running count of hostile ones steps up at i.
        let is_hostile = !hostile.is_empty() && ((i + 1) as f64 * share).floor() > (i as f64 * share).floor();
        let path = if is_hostile {
            hostile[i % hostile.len()].clone()
        } else {
            format!("/api/search?q={}&limit=20", queries[i % queries.len()])
        };
        let (addr, idle) = (addr.clone(), Arc::clone(&idle));
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep_until(scheduled.into()).await;
            let conn = idle.lock().ok().and_then(|mut v| v.pop());
            let result = request(conn, &addr, &path).await;
            let latency = scheduled.elapsed();
            match result {
                Ok((conn, status)) => {
                    if let Ok(mut v) = idle.lock() {
                        v.push(conn);
                    }
                    (is_hostile, latency, status)
                }
                Err(_) => (is_hostile, latency, 0),
            }
        }));
    }
    let mut normal = Vec::with_capacity(total);
    let mut bad = Vec::new();
    let mut statuses = std::collections::BTreeMap::<(bool, u16), usize>::new();
    for t in tasks {
        let (is_hostile, latency, status) = t.await?;
        *statuses.entry((is_hostile, status)).or_default() += 1;
        let ms = latency.as_secs_f64() * 1000.0;
        if is_hostile { bad.push(ms) } else { normal.push(ms) }
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!("{total} requests at {rate} req/s over {elapsed:.1} s");
    for (label, latencies) in [("normal", &mut normal), ("hostile", &mut bad)] {
        if latencies.is_empty() {
            continue;
        }
        latencies.sort_by(f64::total_cmp);
        let pct = |p: f64| latencies[((latencies.len() as f64 - 1.0) * p) as usize];
        let seen: Vec<String> = statuses
            .iter()
            .filter(|((h, _), _)| *h == (label == "hostile"))
            .map(|((_, status), n)| format!("{n} x {status}"))
            .collect();
        println!(
            "{label:<8} n={:<6} median {:.2} ms  p90 {:.2} ms  p99 {:.2} ms  max {:.2} ms  ({})",
            latencies.len(),
            pct(0.5),
            pct(0.9),
            pct(0.99),
            pct(1.0),
            seen.join(", ")
        );
    }
    Ok(())
}

async fn request(conn: Option<Conn>, addr: &str, path: &str) -> std::io::Result<(Conn, u16)> {
    let mut conn = match conn {
        Some(c) => c,
        None => BufReader::new(TcpStream::connect(addr).await?),
    };
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: keep-alive\r\n\r\n");
    conn.get_mut().write_all(req.as_bytes()).await?;
    let mut line = String::new();
    conn.read_line(&mut line).await?;
    let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0usize;
    loop {
        line.clear();
        if conn.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    conn.read_exact(&mut body).await?;
    Ok((conn, status))
}

/// Percent-encodes a query for the URL.
fn encode(q: &str) -> String {
    q.trim()
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
