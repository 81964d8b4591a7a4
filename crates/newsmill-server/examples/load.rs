//! Open-loop load on `/api/search`: requests are sent on a fixed schedule (RATE per second,
//! whatever the server's pace), and each latency is measured from its scheduled time, so a
//! slow server cannot hide its queueing (no coordinated omission). Keep-alive connections.
//!
//! Usage: load HOST:PORT RATE SECONDS QUERIES_FILE
//! QUERIES_FILE holds one search text per line. Prints throughput and latency percentiles.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

type Conn = BufReader<TcpStream>;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, addr, rate, seconds, queries] = &args[..] else {
        return Err("usage: load HOST:PORT RATE SECONDS QUERIES_FILE".into());
    };
    let rate: f64 = rate.parse()?;
    let seconds: f64 = seconds.parse()?;
    let queries: Vec<String> =
        std::fs::read_to_string(queries)?.lines().map(encode).filter(|q| !q.is_empty()).collect();
    if queries.is_empty() {
        return Err("no queries".into());
    }
    let idle: Arc<Mutex<Vec<Conn>>> = Arc::new(Mutex::new(Vec::new()));
    let total = (rate * seconds) as usize;
    let start = Instant::now() + Duration::from_millis(100);
    let mut tasks = Vec::with_capacity(total);
    for i in 0..total {
        let scheduled = start + Duration::from_secs_f64(i as f64 / rate);
        let path = format!("/api/search?q={}&limit=20", queries[i % queries.len()]);
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
                    (latency, status)
                }
                Err(_) => (latency, 0),
            }
        }));
    }
    let mut latencies = Vec::with_capacity(total);
    let mut failed = 0;
    for t in tasks {
        let (latency, status) = t.await?;
        if status != 200 {
            failed += 1;
        }
        latencies.push(latency.as_secs_f64() * 1000.0);
    }
    let elapsed = start.elapsed().as_secs_f64();
    latencies.sort_by(f64::total_cmp);
    let pct = |p: f64| latencies[((latencies.len() as f64 - 1.0) * p) as usize];
    println!("{total} requests at {rate} req/s over {elapsed:.1} s; {failed} not 200");
    println!(
        "latency: median {:.2} ms  p90 {:.2} ms  p99 {:.2} ms  max {:.2} ms",
        pct(0.5),
        pct(0.9),
        pct(0.99),
        pct(1.0)
    );
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
