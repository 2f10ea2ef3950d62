//! Per-component speed of the core on a CoNLL-U file (gold tokens), in
//! nanoseconds of this thread's CPU time per word, so that figures stay
//! comparable on a loaded machine (wall clock is printed too):
//!
//! `cargo run --release -p claimgraph-nlp --example speed -- FILE.conllu [REPS] [TAGGER PARSER NER]`

use std::time::Instant;

use claimgraph_nlp::conllu::read_conllu;
use claimgraph_nlp::{Analysis, Core, Sentence, Token};

/// CPU time of the calling thread in nanoseconds (0 where there is no
/// thread clock, and then only wall clock is meaningful).
fn thread_cpu_ns() -> u64 {
    #[cfg(unix)]
    {
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: `ts` is a valid, writable timespec.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0 {
            return ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64;
        }
    }
    0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: speed FILE.conllu [REPS] [TAGGER PARSER NER]");
        std::process::exit(2);
    };
    let reps: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let sents = match read_conllu(std::path::Path::new(path)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("speed: {path}: {e}");
            std::process::exit(1);
        }
    };
    let t0 = thread_cpu_ns();
    let core = if args.len() >= 6 {
        Core::from_files(args[3].as_ref(), args[4].as_ref(), args[5].as_ref())
    } else {
        Core::load_default()
    };
    let core = match core {
        Ok(c) => c,
        Err(e) => {
            eprintln!("speed: {e}");
            std::process::exit(1);
        }
    };
    eprintln!("load: {:.0} ms CPU (this thread)", (thread_cpu_ns() - t0) as f64 / 1e6);
    let (Some(tagger), Some(parser), Some(ner)) = (core.tagger(), core.parser(), core.ner()) else { return };
    let forms: Vec<Vec<&str>> = sents.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
    let words: usize = forms.iter().map(Vec::len).sum();
    // The same sentences as one text for `Core::annotate` (the API the
    // pipeline calls): words joined by spaces, one sentence per line.
    let mut text = String::new();
    let mut analysis = Analysis::default();
    for f in &forms {
        let first = analysis.tokens.len();
        let start = text.len();
        for w in f {
            let s = text.len();
            text.push_str(w);
            analysis.tokens.push(Token::new(s, text.len(), true));
            text.push(' ');
        }
        analysis.sentences.push(Sentence { start, end: text.len() - 1, tokens: first..analysis.tokens.len() });
        text.push('\n');
    }
    let mut best = [u64::MAX; 7];
    let mut wall = f64::MAX;
    let mut sink = 0usize;
    for _ in 0..reps {
        let mut t = [0u64; 7];
        let a = thread_cpu_ns();
        let xpos: Vec<Vec<_>> = forms.iter().map(|f| tagger.tag(f).into_iter().map(|t| t.1).collect()).collect();
        let b = thread_cpu_ns();
        for (f, x) in forms.iter().zip(&xpos) {
            for (w, x) in f.iter().zip(x) {
                sink += tagger.lemmatizer.lemma(w, *x).len();
            }
        }
        let c = thread_cpu_ns();
        let inputs: Vec<_> = forms.iter().zip(&xpos).map(|(f, x)| parser.input(f, x)).collect();
        let d = thread_cpu_ns();
        for i in &inputs {
            sink += parser.parse(i).len();
        }
        let e = thread_cpu_ns();
        for (f, x) in forms.iter().zip(&xpos) {
            sink += ner.recognize(f, x).len();
        }
        let g = thread_cpu_ns();
        let w0 = Instant::now();
        let mut an = analysis.clone();
        core.annotate(&text, &mut an);
        sink += an.entities.len();
        wall = wall.min(w0.elapsed().as_secs_f64());
        let h = thread_cpu_ns();
        let mut an = analysis.clone();
        core.annotate_with(&text, &mut an, false);
        let k = thread_cpu_ns();
        t[0] = b - a;
        t[1] = c - b;
        t[2] = d - c;
        t[3] = e - d;
        t[4] = g - e;
        t[5] = h - g;
        t[6] = k - h;
        for k in 0..7 {
            best[k] = best[k].min(t[k]);
        }
    }
    let per = |ns: u64| ns as f64 / words as f64;
    println!(
        "{words} words, best of {reps}, ns/word CPU: tag {:.0}  lemma {:.0}  input {:.0}  parse {:.0}  ner {:.0}  \
         annotate {:.0}  annotate-no-ner {:.0}\n\
         annotate: {:.0} words/s CPU, {:.0} words/s wall; without NER {:.0} words/s CPU (sink {sink})",
        per(best[0]),
        per(best[1]),
        per(best[2]),
        per(best[3]),
        per(best[4]),
        per(best[5]),
        per(best[6]),
        1e9 / per(best[5]),
        words as f64 / wall,
        1e9 / per(best[6]),
    );
}
