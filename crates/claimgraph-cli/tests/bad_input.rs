//! `claimgraph extract` on bad inputs (issue 2's done-criterion): an empty
//! file, a binary file, invalid UTF-8, a 50 MB file, HTML with no body, an
//! unreadable file inside a directory, a truncated .warc.gz, a JSONL file
//! with one bad line. Each gets one line on stderr naming it, the good input
//! next to it is still analysed, the exit code is non-zero only when nothing
//! could be read, and nothing panics. Big and binary files are made at test
//! time in a temporary directory.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOOD: &str = "Valdoria says talks will resume\n\nThe foreign ministry of Valdoria said on Monday that talks with Kessel would resume next week in Lune.\n";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_claimgraph")
}

fn extract(args: &[&Path]) -> Output {
    Command::new(bin()).arg("extract").arg("--format").arg("jsonl").args(args).output().expect("run claimgraph")
}

/// Documents printed on stdout.
fn docs(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr).lines().map(str::to_string).collect()
}

struct Setup {
    dir: tempfile::TempDir,
    good: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, GOOD).unwrap();
    Setup { dir, good }
}

/// Runs `extract BAD GOOD` and `extract BAD`: the first must succeed with
/// the good document and exactly one stderr line naming the bad input and
/// containing `message`; the second must fail.
fn check_bad(bad: &Path, good: &Path, message: &str) {
    let out = extract(&[bad, good]);
    let err = stderr_lines(&out);
    let name = bad.display().to_string();
    assert!(out.status.success(), "{name}: exit {:?}, stderr {err:?}", out.status);
    let d = docs(&out);
    assert_eq!(d.len(), 1, "{name}: {d:?}");
    assert_eq!(d[0]["doc"]["source"], good.display().to_string());
    assert_eq!(err.len(), 1, "{name}: {err:?}");
    assert!(err[0].contains(&name) && err[0].contains(message), "{name}: {err:?}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));

    let out = extract(&[bad]);
    assert_eq!(out.status.code(), Some(1), "{name} alone: stderr {:?}", stderr_lines(&out));
    assert!(docs(&out).is_empty());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn empty_file() {
    let s = setup();
    let bad = s.dir.path().join("empty.txt");
    fs::write(&bad, "").unwrap();
    check_bad(&bad, &s.good, "no article text");
}

#[test]
fn binary_file() {
    let s = setup();
    let bad = s.dir.path().join("photo.txt");
    // A PNG header then pseudo-random bytes.
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let mut x: u32 = 12345;
    bytes.extend((0..100_000).map(|_| {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (x >> 16) as u8
    }));
    fs::write(&bad, bytes).unwrap();
    check_bad(&bad, &s.good, "binary");
}

#[test]
fn invalid_utf8() {
    let s = setup();
    let bad = s.dir.path().join("latin1.txt");
    fs::write(&bad, b"The caf\xe9 owners said on Monday that the new tax was unfair to them.\n").unwrap();
    check_bad(&bad, &s.good, "not valid UTF-8");
}

#[test]
fn fifty_megabyte_file() {
    let s = setup();
    let bad = s.dir.path().join("huge.txt");
    let line = "The minister said the talks had failed and would not resume this year.\n";
    let f = fs::File::create(&bad).unwrap();
    f.set_len(0).unwrap();
    let mut w = std::io::BufWriter::new(f);
    use std::io::Write;
    for _ in 0..(50 * 1024 * 1024 / line.len() + 1) {
        w.write_all(line.as_bytes()).unwrap();
    }
    w.flush().unwrap();
    drop(w);
    assert!(fs::metadata(&bad).unwrap().len() >= 50 * 1024 * 1024);
    check_bad(&bad, &s.good, "too large");
}

#[test]
fn html_without_body() {
    let s = setup();
    let bad = s.dir.path().join("shell.html");
    fs::write(&bad, "<!DOCTYPE html><html><head><title>App</title><script src='app.js'></script></head><body><nav><a href='/'>Home</a></nav><div id='root'></div></body></html>").unwrap();
    check_bad(&bad, &s.good, "no article text");
}

#[test]
fn jsonl_with_one_bad_line() {
    let s = setup();
    let feed = s.dir.path().join("wire.jsonl");
    fs::write(
        &feed,
        "{\"text\":\"The port authority of Marrow Bay said on Tuesday that the strike had ended.\",\"url\":\"https://wire.example/1\"}\n{\"text\": broken\n{\"text\":\"Kessel's central bank kept its main rate at 4 percent on Thursday, the bank said.\",\"url\":\"https://wire.example/3\"}\n",
    )
    .unwrap();
    let out = extract(&[&feed]);
    let err = stderr_lines(&out);
    assert!(out.status.success(), "{err:?}");
    let d = docs(&out);
    let sources: Vec<_> = d.iter().map(|x| x["doc"]["source"].as_str().unwrap().to_string()).collect();
    assert_eq!(sources, ["https://wire.example/1", "https://wire.example/3"]);
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(err[0].contains(&format!("{}#2", feed.display())), "{err:?}");
}

#[test]
fn truncated_warc_gz() {
    let s = setup();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../claimgraph/tests/fixtures/input/crawl.warc.gz");
    let bytes = fs::read(fixture).unwrap();
    let bad = s.dir.path().join("cut.warc.gz");
    fs::write(&bad, &bytes[..bytes.len() - 200]).unwrap();
    let out = extract(&[&bad, &s.good]);
    let err = stderr_lines(&out);
    assert!(out.status.success(), "{err:?}");
    let d = docs(&out);
    // The records before the cut, then the good file.
    assert_eq!(d.first().and_then(|x| x["doc"]["source"].as_str()), Some("https://herald.example/world/drones"));
    assert_eq!(d.last().and_then(|x| x["doc"]["source"].as_str()), Some(s.good.display().to_string().as_str()));
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(err[0].contains(&format!("{}#", bad.display())) && err[0].contains("truncated"), "{err:?}");

    // Cut inside the first record: nothing can be read.
    let bad2 = s.dir.path().join("cut2.warc.gz");
    fs::write(&bad2, &bytes[..100]).unwrap();
    let out = extract(&[&bad2]);
    assert_eq!(out.status.code(), Some(1), "{:?}", stderr_lines(&out));
    assert_eq!(stderr_lines(&out).len(), 1, "{:?}", stderr_lines(&out));
}

/// Whether this process can still read a file after `chmod 000` (root can).
fn chmod_blocks_reading(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    fs::write(&probe, "x").unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).unwrap();
    let blocked = fs::File::open(&probe).is_err();
    fs::remove_file(&probe).unwrap();
    blocked
}

#[test]
fn unreadable_file_inside_a_directory() {
    use std::os::unix::fs::PermissionsExt;
    let s = setup();
    let dir = s.dir.path().join("articles");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("a_good.txt"), GOOD).unwrap();
    let locked = dir.join("b_locked.txt");
    fs::write(&locked, GOOD.replace("Monday", "Tuesday")).unwrap();
    fs::write(
        dir.join("c_good.html"),
        "<p>The mayor of Lune said on Friday that the tram line would open in September.</p>",
    )
    .unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();

    let mut cmd = Command::new(bin());
    if !chmod_blocks_reading(s.dir.path()) {
        // Running as root: chmod does not stop root, so run the binary as
        // the unprivileged `nobody` user, if setpriv exists and `nobody` can
        // run it here (reach the binary and whatever it loads).
        for p in [s.dir.path(), dir.as_path()] {
            fs::set_permissions(p, fs::Permissions::from_mode(0o755)).unwrap();
        }
        for f in ["a_good.txt", "c_good.html"] {
            fs::set_permissions(dir.join(f), fs::Permissions::from_mode(0o644)).unwrap();
        }
        fs::set_permissions(&s.good, fs::Permissions::from_mode(0o644)).unwrap();
        let probe = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", bin(), "extract", "--format", "jsonl"])
            .arg(&s.good)
            .output();
        if !probe.is_ok_and(|o| o.status.success() && !o.stdout.is_empty()) {
            eprintln!("skipped: running as root and cannot run claimgraph as `nobody` with setpriv, so chmod 000 does not make a file unreadable");
            return;
        }
        cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", bin()]);
    }
    let out = cmd.args(["extract", "--format", "jsonl"]).arg(&dir).output().unwrap();
    let err = stderr_lines(&out);
    assert!(out.status.success(), "{err:?}");
    let d = docs(&out);
    let sources: Vec<_> = d.iter().map(|x| x["doc"]["source"].as_str().unwrap().to_string()).collect();
    assert_eq!(sources, [dir.join("a_good.txt").display().to_string(), dir.join("c_good.html").display().to_string()]);
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(err[0].contains(&locked.display().to_string()) && err[0].contains("cannot read"), "{err:?}");
}

#[test]
fn missing_path_and_all_bad_inputs() {
    let s = setup();
    let missing = s.dir.path().join("nope.txt");
    let empty = s.dir.path().join("empty.html");
    fs::write(&empty, "   \n").unwrap();
    let out = extract(&[&missing, &empty]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_lines(&out);
    assert_eq!(err.len(), 2, "{err:?}");
    assert!(err[0].contains("nope.txt") && err[1].contains("empty.html"), "{err:?}");
}

#[test]
fn stdin_is_read_and_sniffed() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(bin())
        .args(["extract", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = "{\"text\":\"The ministry said on Monday that no drones had been sold.\",\"url\":\"https://wire.example/s1\"}\n{\"text\":\"Kessel's army said on Tuesday that it had found engine parts.\",\"url\":\"https://wire.example/s2\"}\n";
    child.stdin.take().unwrap().write_all(lines.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", stderr_lines(&out));
    let d = docs(&out);
    assert_eq!(d.len(), 2);
    assert_eq!(d[1]["doc"]["source"], "https://wire.example/s2");
}
