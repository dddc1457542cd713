//! The newsroom on a local PostgreSQL server: how soon an edit shows in another window with 10
//! windows on the edition, how many edits a second the server takes from 10 windows at once,
//! and how long opening the 48-page generated edition from the server takes. Run with
//! `cargo bench --bench newsroom`; it starts a throwaway cluster like the tests do (or uses
//! `BROADSHEET_TEST_PG`).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use broadsheet::model::{Edit, Edition, FrameId, Pt};
use broadsheet::sample;
use broadsheet::store::live::Live;
use broadsheet::store::{PgStore, Store as _};

const CLIENTS: usize = 10;
const WAIT: Duration = Duration::from_secs(60);

fn main() {
    let db = common::pg::database();
    PgStore::init(&db.url).expect("serve-init");
    let mut store = PgStore::connect(&db.url).expect("connect");
    let edition = sample::generated(48);
    store.save("e48", &edition, "bench").expect("push");

    open_48_pages(&db.url);
    let mut clients: Vec<Live> = (0..CLIENTS)
        .map(|i| Live::connect(&db.url, "e48", &format!("window{i}")).expect("connect"))
        .collect();
    latency(&mut clients);
    throughput(clients, &mut store);
}

/// Moves frame `frame` 0.25 pt right.
fn nudge(edition: &Edition, frame: &str) -> Edit {
    let id = FrameId::new(frame);
    let mut rect = edition.frame(&id).expect("the frame exists").1.rect;
    rect.x = Pt(rect.x.0 + 0.25);
    Edit::SetFrameRect { frame: id, rect }
}

fn median(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let p95 = samples[(samples.len() * 95 / 100).min(samples.len() - 1)];
    (samples[samples.len() / 2], p95)
}

/// Opening the 48-page edition: a new connection, the snapshot read and parsed (and a
/// window's whole connect, which also starts its two threads).
fn open_48_pages(url: &str) {
    let runs = 15;
    let snapshot: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let mut store = PgStore::connect(url).expect("connect");
            let loaded = store.load("e48").expect("load");
            assert_eq!(loaded.pages.len(), 48);
            t.elapsed()
        })
        .collect();
    let window: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let live = Live::connect(url, "e48", "opener").expect("connect");
            assert_eq!(live.edition().pages.len(), 48);
            let took = t.elapsed();
            drop(live);
            took
        })
        .collect();
    let (m, p) = median(snapshot);
    println!(
        "open the 48-page edition from the server (connect, read, parse): median {m:.1?}, p95 {p:.1?}"
    );
    let (m, p) = median(window);
    println!(
        "open it as a live window (two connections, LISTEN, read, parse): median {m:.1?}, p95 {p:.1?}"
    );
}

/// Window 0 moves a frame; the time until window 1 shows the move. The other eight windows
/// are connected and take in every edit too.
fn latency(clients: &mut [Live]) {
    let rounds = 200;
    let mut samples = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let frame = format!("p{}-lead-head", round % 48 + 1);
        let edit = nudge(clients[0].edition(), &frame);
        let Edit::SetFrameRect { rect: want, .. } = &edit else {
            unreachable!("nudge makes a frame move")
        };
        let want = *want;
        let id = FrameId::new(&frame);
        let t = Instant::now();
        clients[0].edit(edit).expect("the edit applies");
        let end = t + WAIT;
        while clients[1].edition().frame(&id).expect("frame").1.rect != want {
            assert!(Instant::now() < end, "window 1 never saw the move");
            clients[1].wait(Duration::from_millis(50));
        }
        samples.push(t.elapsed());
        for c in clients.iter_mut() {
            c.poll();
        }
        // A person's pace, roughly: the server is not saturated by this test.
        std::thread::sleep(Duration::from_millis(5));
    }
    let (m, p) = median(samples);
    println!(
        "an edit visible in another window, {CLIENTS} windows connected: median {m:.1?}, p95 {p:.1?} ({rounds} edits)"
    );
}

/// Every window sends edits as fast as it can (each on frames of its own pages); the time
/// until the server has stored them all.
fn throughput(clients: Vec<Live>, store: &mut PgStore) {
    let per_client = 300;
    let before = store.snapshot("e48").expect("snapshot").version;
    let t = Instant::now();
    let threads: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(i, mut live)| {
            std::thread::spawn(move || {
                for k in 0..per_client {
                    let page = (i * 4 + k % 4) % 48 + 1;
                    let frame = format!("p{page}-lead-head");
                    let edit = nudge(live.edition(), &frame);
                    live.edit(edit).expect("the edit applies");
                    live.poll();
                }
                let mut events = Vec::new();
                assert!(live.flush(WAIT, &mut events), "all edits stored");
                live
            })
        })
        .collect();
    let clients: Vec<Live> = threads
        .into_iter()
        .map(|t| t.join().expect("a window thread"))
        .collect();
    let took = t.elapsed();
    let after = store.snapshot("e48").expect("snapshot").version;
    let total = (CLIENTS * per_client) as i64;
    assert_eq!(after - before, total, "every edit stored once");
    println!(
        "edits absorbed from {CLIENTS} windows at once: {total} in {took:.2?} = {:.0} edits/s",
        total as f64 / took.as_secs_f64()
    );
    // Every window converges on the log's edition.
    let t = Instant::now();
    let mut clients = clients;
    for c in &mut clients {
        let mut events = Vec::new();
        assert!(
            c.catch_up(after, WAIT, &mut events),
            "a window hears the log"
        );
    }
    let replayed = store.load("e48").expect("load");
    assert!(clients.iter().all(|c| c.edition() == &replayed));
    println!(
        "all {CLIENTS} windows caught up with the log's edition {:.2?} later",
        t.elapsed()
    );
}
