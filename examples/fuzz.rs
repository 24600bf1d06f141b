//! Hostile files at scale: mutates the shipped presets, the model file,
//! recovery and settings files, survey response exports (and feeds plain
//! random bytes), makes links
//! of presets and damages them (`fuzz/link.rs`), and reads every result the
//! way the workbench does. Whatever a reader accepts is
//! then evaluated, its levers analysed and a few Monte Carlo runs made, so
//! a file that reads cleanly but breaks the engine is caught too.
//!
//! Records every input that panics or takes longer than `--limit-ms` under
//! `target/fuzz-findings/` and goes on; at the end, fails (exit code 1) if
//! there was any, or if peak memory went above `--max-rss-mib`. An input
//! running five times the limit is a hang: it is saved and the run stops.
//! (A stack overflow would abort the process; the JSON reader's depth limit
//! and the expression parser's are what rule it out.) Runs on the stable
//! toolchain; no cargo-fuzz.
//!
//!     cargo run --release --example fuzz -- --inputs 1000000
//!
//! `--seed S` repeats a run exactly.

use cluster_workbench::analysis::levers::levers;
use cluster_workbench::analysis::uncertainty::monte_carlo;
use cluster_workbench::app::settings::{SETTINGS_KEY, Settings};
use cluster_workbench::edit::Edit;
use cluster_workbench::evaluation::evaluate;
use cluster_workbench::files::recovery::Recovery;
use cluster_workbench::model::Model;
use cluster_workbench::preset::Preset;
use cluster_workbench::survey::{self, Instrument};
use serde_json::Value;

#[path = "fuzz/link.rs"]
mod link;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What an input is read as.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    Preset,
    Model,
    Recovery,
    /// Our settings, as stored under their key.
    Settings,
    /// eframe's whole settings file, as checked before eframe reads it.
    SettingsFile,
    /// A link holding a preset, as the browser page opens it.
    Link,
    /// A survey response export (CSV or XLSX), as the import reads it.
    Responses,
}

const TARGETS: [Target; 7] = [
    Target::Preset,
    Target::Model,
    Target::Recovery,
    Target::Settings,
    Target::SettingsFile,
    Target::Link,
    Target::Responses,
];

/// A small, fast, reproducible generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces of text that tend to find the edges of a JSON reader.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "\\",
    "\\u0000",
    "\\ud800",
    "null",
    "true",
    "-0",
    "1e309",
    "-1e309",
    "1e-400",
    "5e-324",
    "1.7976931348623157e308",
    "NaN",
    "Infinity",
    "18446744073709551616",
    "-9223372036854775809",
    "0.30000000000000004",
    "\u{feff}",
    "\u{0}",
    "é",
    "\"format\"",
    "\"version\"",
    "\"plans\"",
    "\"interventions\"",
    "min(",
    "max(",
    "not ",
    "))))",
];

/// Values that are valid JSON but hostile in place of any other.
fn hostile_value(rng: &mut Rng) -> Value {
    let text = match rng.below(12) {
        0 => "1e308".to_owned(),
        1 => "-1.7976931348623157e308".to_owned(),
        2 => "5e-324".to_owned(),
        3 => "18446744073709551615".to_owned(),
        4 => "-9223372036854775808".to_owned(),
        5 => format!("\"{}\"", "x".repeat(1 + rng.below(3_000_000))),
        6 => format!("\"{}\"", "min(".repeat(1 + rng.below(10_000))),
        7 => {
            let depth = 1 + rng.below(200_000);
            format!("{}{}", "[".repeat(depth), "]".repeat(depth))
        }
        8 => {
            let depth = 1 + rng.below(5_000);
            format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth))
        }
        9 => "{}".to_owned(),
        10 => "[]".to_owned(),
        _ => "null".to_owned(),
    };
    // Too deep for serde_json (it stops at 128 levels): keep it as a string
    // of the same text, which still reaches the readers as odd content.
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

/// Changes one node of a JSON tree: a key removed or added, a value
/// replaced by a hostile one, a number nudged, an array grown.
fn mutate_tree(v: &mut Value, rng: &mut Rng) {
    // Choose a random path down the tree, then take that node.
    let mut pointer = String::new();
    let mut at: &Value = v;
    for _ in 0..rng.below(6) {
        let step = match at {
            Value::Object(map) if !map.is_empty() => map
                .iter()
                .nth(rng.below(map.len()))
                .map(|(k, child)| (k.replace('~', "~0").replace('/', "~1"), child)),
            Value::Array(items) if !items.is_empty() => {
                let i = rng.below(items.len());
                Some((i.to_string(), &items[i]))
            }
            _ => None,
        };
        match step {
            Some((key, child)) => {
                pointer.push('/');
                pointer.push_str(&key);
                at = child;
            }
            None => break,
        }
    }
    let Some(node) = v.pointer_mut(&pointer) else {
        return;
    };
    match node {
        Value::Object(map) if rng.chance(3) && !map.is_empty() => {
            let key = map.keys().nth(rng.below(map.len())).cloned();
            if let Some(k) = key {
                map.remove(&k);
            }
        }
        Value::Object(map) if rng.chance(3) => {
            map.insert(format!("unknown_{}", rng.below(100)), hostile_value(rng));
        }
        Value::Array(items) if rng.chance(3) => {
            // Many copies of a small element (a long list of plans or
            // entries), bounded so the generator stays small.
            let copy = items.first().cloned().unwrap_or(Value::Null);
            let size = serde_json::to_vec(&copy).map_or(usize::MAX, |b| b.len());
            if size <= 1024 {
                for _ in 0..rng.below(2_000) {
                    items.push(copy.clone());
                }
            }
        }
        Value::Number(n) if rng.chance(2) => {
            let x = n.as_f64().unwrap_or(0.0);
            let nudged = match rng.below(5) {
                0 => -x,
                1 => x + 1e-9,
                2 => x * 1e12,
                3 => x - 1.0,
                _ => x.round(),
            };
            *node = serde_json::Number::from_f64(nudged).map_or(Value::Null, Value::Number);
        }
        _ => *node = hostile_value(rng),
    }
}

/// One mutation of raw bytes.
fn mutate_bytes(bytes: &mut Vec<u8>, seeds: &[Vec<u8>], rng: &mut Rng) {
    let len = bytes.len();
    match rng.below(8) {
        0 if len > 0 => {
            let i = rng.below(len);
            bytes[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let i = rng.below(len);
            bytes[i] = rng.next() as u8;
        }
        2 => {
            let at = rng.below(len + 1);
            let token = rng.pick(TOKENS).as_bytes();
            bytes.splice(at..at, token.iter().copied());
        }
        3 if len > 0 => {
            let a = rng.below(len);
            let b = (a + rng.below(64)).min(len);
            bytes.drain(a..b);
        }
        4 if len > 0 => {
            let a = rng.below(len);
            let b = (a + rng.below(256)).min(len);
            let piece: Vec<u8> = bytes[a..b].to_vec();
            let at = rng.below(len + 1);
            bytes.splice(at..at, piece);
        }
        5 => {
            // Splice: the head of this one, the tail of another seed.
            let other = rng.pick(seeds);
            let cut = rng.below(len + 1);
            let from = rng.below(other.len() + 1);
            bytes.truncate(cut);
            bytes.extend_from_slice(&other[from..]);
        }
        6 => bytes.truncate(rng.below(len + 1)),
        _ => {
            let at = rng.below(len + 1);
            let noise: Vec<u8> = (0..rng.below(32)).map(|_| rng.next() as u8).collect();
            bytes.splice(at..at, noise);
        }
    }
}

/// One input: a seed for the target, changed a little or a lot.
fn make_input(target: Target, seeds: &Seeds, rng: &mut Rng) -> Vec<u8> {
    if target == Target::Link {
        return link::make(seeds, &seeds.bombs, rng);
    }
    if rng.chance(20) {
        // Plain random bytes.
        return (0..rng.below(4096)).map(|_| rng.next() as u8).collect();
    }
    let pool = seeds.for_target(target);
    let mut bytes = rng.pick(pool).clone();
    if rng.chance(2)
        && let Ok(mut tree) = serde_json::from_slice::<Value>(&bytes)
    {
        for _ in 0..1 + rng.below(3) {
            mutate_tree(&mut tree, rng);
        }
        bytes = serde_json::to_vec(&tree).unwrap_or(bytes);
    }
    if rng.chance(2) {
        for _ in 0..1 + rng.below(4) {
            mutate_bytes(&mut bytes, &seeds.all, rng);
        }
    }
    // Larger than any file the workbench reads whole (it refuses those by
    // their size before reading), so no need to make them.
    bytes.truncate(MAX_INPUT_BYTES);
    bytes
}

/// The largest input made: four times the largest preset.
const MAX_INPUT_BYTES: usize = 4 << 20;

/// The valid files mutations start from.
struct Seeds {
    presets: Vec<Vec<u8>>,
    models: Vec<Vec<u8>>,
    recoveries: Vec<Vec<u8>>,
    settings: Vec<Vec<u8>>,
    settings_files: Vec<Vec<u8>>,
    /// Response exports of the survey form (tests/fixtures/survey).
    responses: Vec<Vec<u8>>,
    all: Vec<Vec<u8>>,
    /// DEFLATE streams that unpack past a preset's limit, for links.
    bombs: Vec<Vec<u8>>,
}

impl Seeds {
    fn load(root: &Path) -> Seeds {
        let read_dir = |dir: &str| -> Vec<Vec<u8>> {
            let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
                .map(|d| d.flatten().map(|e| e.path()).collect())
                .unwrap_or_default();
            files.retain(|p| p.extension().is_some_and(|x| x == "json"));
            files.sort();
            files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
        };
        let mut presets = read_dir("presets");
        presets.extend(read_dir("tests/fixtures"));
        let models = vec![std::fs::read(root.join("assets/model.json")).unwrap_or_default()];
        let recoveries = presets
            .iter()
            .map(|p| {
                let text = String::from_utf8_lossy(p).into_owned();
                let from = cluster_workbench::location::Location::Untitled;
                Recovery::now(from, text).to_text().into_bytes()
            })
            .collect();
        let settings = vec![Settings::default().to_stored().into_bytes()];
        let file: std::collections::HashMap<&str, String> = [
            (SETTINGS_KEY, Settings::default().to_stored()),
            ("window", "(inner_size: (1280.0, 800.0))".to_owned()),
        ]
        .into_iter()
        .collect();
        let settings_files = vec![ron::to_string(&file).unwrap_or_default().into_bytes()];
        let mut responses: Vec<Vec<u8>> = std::fs::read_dir(root.join("tests/fixtures/survey"))
            .map(|d| {
                d.flatten()
                    .filter_map(|e| std::fs::read(e.path()).ok())
                    .collect()
            })
            .unwrap_or_default();
        responses.sort();
        let all = [&presets, &models, &recoveries, &settings, &settings_files]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        Seeds {
            bombs: link::bombs(&presets),
            presets,
            models,
            recoveries,
            settings,
            settings_files,
            responses,
            all,
        }
    }

    fn for_target(&self, target: Target) -> &[Vec<u8>] {
        match target {
            Target::Preset => &self.presets,
            Target::Model => &self.models,
            Target::Recovery => &self.recoveries,
            Target::Settings => &self.settings,
            Target::SettingsFile => &self.settings_files,
            // Links are made from the presets.
            Target::Link => &self.presets,
            Target::Responses => &self.responses,
        }
    }
}

/// Reads an input as the workbench would, and runs the engine on what is
/// accepted. Returns whether the reader accepted it.
fn feed(target: Target, bytes: &[u8], model: &Model, preset: &Preset, runs: usize) -> bool {
    let exercise = |m: &Model, p: &Preset| {
        let e = evaluate(m, p);
        std::hint::black_box(&e);
        let plan = (!p.plans.is_empty()).then_some(0);
        std::hint::black_box(levers(m, p, plan));
        std::hint::black_box(monte_carlo(m, p, runs, 1));
        // What the reader accepts, the writer must write and read back.
        if let Ok(text) = p.to_checked_json(m) {
            assert!(Preset::from_bytes(text.as_bytes(), m).is_ok());
        }
    };
    match target {
        Target::Preset => match Preset::from_bytes(bytes, model) {
            Ok(p) => {
                exercise(model, &p);
                true
            }
            Err(e) => {
                assert!(!e.to_string().is_empty());
                false
            }
        },
        Target::Model => {
            let Ok(text) = std::str::from_utf8(bytes) else {
                return false;
            };
            match Model::from_json(text) {
                Ok(m) => {
                    // The shipped preset under a changed model, if it still fits.
                    if let Ok(text) = preset.to_checked_json(model)
                        && let Ok(p) = Preset::from_bytes(text.as_bytes(), &m)
                    {
                        exercise(&m, &p);
                    }
                    true
                }
                Err(e) => {
                    assert!(!e.to_string().is_empty());
                    false
                }
            }
        }
        Target::Recovery => match Recovery::from_bytes(bytes) {
            Ok(r) => {
                if let Ok(p) = Preset::from_bytes(r.preset.as_bytes(), model) {
                    exercise(model, &p);
                }
                true
            }
            Err(_) => false,
        },
        Target::Settings => {
            let text = String::from_utf8_lossy(bytes);
            Settings::read(Some(&text)).1.is_none()
        }
        Target::SettingsFile => Settings::file_is_sound(bytes).is_ok(),
        Target::Link => link::feed(bytes, model, |p| exercise(model, p)),
        Target::Responses => {
            static INSTRUMENT: std::sync::OnceLock<Option<Instrument>> = std::sync::OnceLock::new();
            let Some(instrument) = INSTRUMENT.get_or_init(|| Instrument::shipped().ok()) else {
                panic!("the shipped survey does not read");
            };
            match survey::import(instrument, bytes) {
                Ok(result) => {
                    // What the import accepts, the preset must take and keep.
                    let mut p = preset.clone();
                    let edit = Edit::FromSurvey(result.values(&result.answered()));
                    if let Err(e) = edit.apply(&mut p, model) {
                        panic!("survey values the preset refuses: {e}");
                    }
                    exercise(model, &p);
                    true
                }
                Err(e) => {
                    assert!(!e.to_string().is_empty());
                    false
                }
            }
        }
    }
}

/// Peak resident memory of this process, in MiB (Linux; 0 elsewhere).
fn peak_rss_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

struct Options {
    inputs: u64,
    seed: u64,
    limit: Duration,
    max_rss_mib: u64,
    runs: usize,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        inputs: 100_000,
        seed: 1,
        limit: Duration::from_millis(2_000),
        max_rss_mib: 512,
        runs: 20,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let n: u64 = value
            .parse()
            .map_err(|_| format!("{flag}: {value} is not a whole number"))?;
        match flag.as_str() {
            "--inputs" => o.inputs = n,
            "--seed" => o.seed = n,
            "--limit-ms" => o.limit = Duration::from_millis(n),
            "--max-rss-mib" => o.max_rss_mib = n,
            "--runs" => o.runs = n as usize,
            _ => {
                return Err(format!(
                    "unknown option {flag} (--inputs, --seed, --limit-ms, --max-rss-mib, --runs)"
                ));
            }
        }
    }
    Ok(o)
}

/// Saves an input that broke something, and says where.
fn save_finding(dir: &Path, what: &str, target: Target, bytes: &[u8]) -> PathBuf {
    let _ = std::fs::create_dir_all(dir);
    let path = dir.join(format!("{what}-{target:?}.bin").to_lowercase());
    let _ = std::fs::write(&path, bytes);
    path
}

fn main() -> std::process::ExitCode {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("fuzz: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let findings = root.join("target/fuzz-findings");
    let seeds = Seeds::load(&root);
    let Ok(model) = Model::default_model() else {
        eprintln!("fuzz: the default model does not load");
        return std::process::ExitCode::FAILURE;
    };
    let Some(preset) = seeds
        .presets
        .iter()
        .find_map(|p| Preset::from_bytes(p, &model).ok())
    else {
        eprintln!("fuzz: no shipped preset loads");
        return std::process::ExitCode::FAILURE;
    };
    // A panic is reported by the loop, with its input; keep the default
    // hook quiet so the output stays readable.
    std::panic::set_hook(Box::new(|_| {}));

    // The watchdog: an input that runs past the limit five times over is a
    // hang; it is saved and the run stopped, rather than waiting forever.
    let current: Arc<Mutex<(Target, Vec<u8>)>> = Arc::new(Mutex::new((Target::Preset, Vec::new())));
    let started_ms = Arc::new(AtomicU64::new(u64::MAX));
    let done = Arc::new(AtomicBool::new(false));
    let clock = Instant::now();
    {
        let (current, started_ms, done, findings) = (
            Arc::clone(&current),
            Arc::clone(&started_ms),
            Arc::clone(&done),
            findings.clone(),
        );
        let hang = o.limit * 5;
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                let since = started_ms.load(Ordering::Relaxed);
                let now = clock.elapsed().as_millis() as u64;
                if since != u64::MAX && now.saturating_sub(since) > hang.as_millis() as u64 {
                    if let Ok(c) = current.lock() {
                        let path = save_finding(&findings, "hang", c.0, &c.1);
                        eprintln!(
                            "fuzz: HANG over {hang:?}; input saved to {}",
                            path.display()
                        );
                    }
                    std::process::exit(1);
                }
            }
        });
    }

    let mut rng = Rng(o.seed);
    let mut counts = [(0u64, 0u64); TARGETS.len()];
    let mut slowest = (Duration::ZERO, Target::Preset, 0usize);
    let mut failures = 0u64;
    let mut peak = peak_rss_mib();
    for n in 0..o.inputs {
        let target = TARGETS[rng.below(TARGETS.len())];
        let input = make_input(target, &seeds, &mut rng);
        if let Ok(mut c) = current.lock() {
            *c = (target, input.clone());
        }
        let t0 = Instant::now();
        started_ms.store(clock.elapsed().as_millis() as u64, Ordering::Relaxed);
        let result = catch_unwind(AssertUnwindSafe(|| {
            feed(target, &input, &model, &preset, o.runs)
        }));
        let took = t0.elapsed();
        started_ms.store(u64::MAX, Ordering::Relaxed);
        let slot = &mut counts[TARGETS.iter().position(|t| *t == target).unwrap_or(0)];
        slot.0 += 1;
        match result {
            Ok(accepted) => slot.1 += u64::from(accepted),
            Err(panic) => {
                failures += 1;
                let why = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                let path = save_finding(&findings, &format!("panic-{n}"), target, &input);
                eprintln!(
                    "fuzz: PANIC on input {n} ({target:?}): {why}; saved to {}",
                    path.display()
                );
            }
        }
        // Where peak memory jumps, the input that made it jump is kept.
        let rss = peak_rss_mib();
        if rss > peak + 64 {
            eprintln!(
                "fuzz: peak memory {peak} → {rss} MiB on input {n} ({target:?}, {} bytes)",
                input.len()
            );
            if rss > o.max_rss_mib {
                let path = save_finding(&findings, &format!("memory-{n}"), target, &input);
                eprintln!("fuzz: input saved to {}", path.display());
            }
        }
        peak = peak.max(rss);
        if took > slowest.0 {
            slowest = (took, target, input.len());
        }
        if took > o.limit {
            failures += 1;
            let path = save_finding(&findings, &format!("slow-{n}"), target, &input);
            eprintln!(
                "fuzz: SLOW input {n} ({target:?}) took {took:?}; saved to {}",
                path.display()
            );
        }
        if (n + 1) % 100_000 == 0 {
            eprintln!(
                "fuzz: {} inputs, {:.0} s",
                n + 1,
                clock.elapsed().as_secs_f64()
            );
        }
    }
    done.store(true, Ordering::Relaxed);
    let rss = peak_rss_mib();
    let secs = clock.elapsed().as_secs_f64();
    println!(
        "fuzz: {} inputs in {secs:.1} s ({:.0}/s), seed {}",
        o.inputs,
        o.inputs as f64 / secs.max(1e-9),
        o.seed
    );
    for (t, (n, ok)) in TARGETS.iter().zip(counts) {
        println!("  {t:?}: {n} inputs, {ok} accepted");
    }
    println!(
        "  slowest input: {:?} ({:?}, {} bytes); peak memory {rss} MiB",
        slowest.0, slowest.1, slowest.2
    );
    if rss > o.max_rss_mib {
        failures += 1;
        eprintln!("fuzz: peak memory {rss} MiB is over {} MiB", o.max_rss_mib);
    }
    if failures > 0 {
        eprintln!("fuzz: {failures} failures");
        return std::process::ExitCode::FAILURE;
    }
    println!("fuzz: no panic, no hang, no input over {:?}", o.limit);
    std::process::ExitCode::SUCCESS
}
