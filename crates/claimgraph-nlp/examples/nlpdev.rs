//! Development driver for the linguistic core (the same library calls the
//! `claimgraph train/eval` commands make), usable while the rest of the
//! workspace is being built: `cargo run --release -p claimgraph-nlp --example nlpdev -- tagger TRAIN DEV OUT`.

use std::path::Path;

use claimgraph_nlp::conllu::read_conllu;
use claimgraph_nlp::tagger::{Tagger, TaggerOptions};

fn load_clusters() -> claimgraph_nlp::clusters::Clusters {
    match std::env::var("CLUSTERS") {
        Ok(p) if !p.is_empty() => {
            claimgraph_nlp::clusters::Clusters::from_bytes(&std::fs::read(p).expect("clusters")).expect("clusters")
        }
        _ => Default::default(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("tagger") => {
            let train = read_conllu(Path::new(&args[1])).expect("train");
            let dev = read_conllu(Path::new(&args[2])).expect("dev");
            let epochs = args.get(4).and_then(|e| e.parse().ok()).unwrap_or(TaggerOptions::default().epochs);
            let t0 = std::time::Instant::now();
            let prune =
                std::env::var("PRUNE").ok().and_then(|p| p.parse().ok()).unwrap_or(TaggerOptions::default().prune);
            let clusters = load_clusters();
            let m = Tagger::train(
                &train,
                &dev,
                &clusters,
                &TaggerOptions { epochs, prune, ..Default::default() },
                &mut |l| eprintln!("{l} [{:.0}s]", t0.elapsed().as_secs_f64()),
            );
            let bytes = m.to_bytes();
            std::fs::write(&args[3], &bytes).expect("write");
            eprintln!("{} bytes", bytes.len());
            // Error analysis: known vs unknown words.
            let mut seen = std::collections::HashSet::new();
            for s in &train {
                for w in &s.words {
                    seen.insert(w.form.clone());
                }
            }
            let (mut kn, mut kr, mut un, mut ur) = (0, 0, 0, 0);
            let mut conf: std::collections::HashMap<(String, String), usize> = Default::default();
            for s in &dev {
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                for (t, w) in m.tag(&forms).iter().zip(&s.words) {
                    let ok = t.0 == w.upos;
                    if seen.contains(&w.form) {
                        kn += 1;
                        kr += ok as usize
                    } else {
                        un += 1;
                        ur += ok as usize
                    }
                    if !ok {
                        *conf.entry((w.upos.to_string(), t.0.to_string())).or_default() += 1;
                    }
                }
            }
            eprintln!(
                "known {kn} acc {:.2}  unknown {un} acc {:.2}",
                100.0 * kr as f64 / kn as f64,
                100.0 * ur as f64 / un as f64
            );
            let mut c: Vec<_> = conf.into_iter().collect();
            c.sort_by(|a, b| b.1.cmp(&a.1));
            eprintln!("{:?}", &c[..15]);
        }
        Some("parser") => {
            let train = read_conllu(Path::new(&args[1])).expect("train");
            let dev = read_conllu(Path::new(&args[2])).expect("dev");
            let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<usize>().ok());
            let mut opts = claimgraph_nlp::parser::ParserOptions::default();
            if let Some(e) = env("EPOCHS") {
                opts.epochs = e;
            }
            if let Some(j) = env("JK") {
                opts.jackknife = j;
            }
            if let Some(n) = env("NTRAIN") {
                opts.jackknife = opts.jackknife.min(n);
            }
            let train = match env("NTRAIN") {
                Some(n) => train[..n.min(train.len())].to_vec(),
                None => train,
            };
            let t0 = std::time::Instant::now();
            let clusters = load_clusters();
            let m = claimgraph_nlp::parser::Parser::train(&train, &dev, &clusters, &opts, &mut |l| {
                eprintln!("{l} [{:.0}s]", t0.elapsed().as_secs_f64())
            });
            let bytes = m.to_bytes();
            std::fs::write(&args[3], &bytes).expect("write");
            eprintln!("{} bytes", bytes.len());
        }
        Some("ner") => {
            // nlpdev ner TAGGER GAZ.tsv UNER_TRAIN OUT [FOLDS]
            let tagger =
                claimgraph_nlp::tagger::Tagger::from_bytes(&std::fs::read(&args[1]).expect("tagger")).expect("tagger");
            let gaz =
                claimgraph_nlp::gazetteer::Gazetteer::from_tsv(&std::fs::read_to_string(&args[2]).unwrap_or_default());
            let sents = claimgraph_nlp::conllu::read_iob2(Path::new(&args[3])).expect("iob2");
            let tag = |f: &[&str]| tagger.tag(f).into_iter().map(|t| t.1).collect::<Vec<_>>();
            let data: Vec<_> = sents.iter().map(|s| claimgraph_nlp::ner::NerExample::from_sentence(s, tag)).collect();
            let mut opts = claimgraph_nlp::ner::NerOptions::default();
            if let Some(e) = std::env::var("EPOCHS").ok().and_then(|v| v.parse().ok()) {
                opts.epochs = e;
            }
            let folds: usize = args.get(5).and_then(|f| f.parse().ok()).unwrap_or(5);
            let t0 = std::time::Instant::now();
            let rows = claimgraph_nlp::ner::Ner::cross_validate(&data, &gaz, &load_clusters(), &opts, folds);
            for r in &rows {
                eprintln!("epochs {} P {:.2} R {:.2} F {:.2}", r.0, r.1, r.2, r.3);
            }
            eprintln!("cv in {:.1}s", t0.elapsed().as_secs_f64());
            let m = claimgraph_nlp::ner::Ner::train(&data, &gaz, &load_clusters(), &opts);
            std::fs::write(&args[4], m.to_bytes()).expect("write");
        }
        Some("speed") => {
            // nlpdev speed CONLLU: times tagger and parser separately.
            let core = claimgraph_nlp::Core::load_default().expect("core");
            let sents = read_conllu(Path::new(&args[1])).expect("conllu");
            let forms: Vec<Vec<&str>> =
                sents.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
            let n: usize = forms.iter().map(|f| f.len()).sum();
            let tagger = core.tagger().expect("tagger");
            let parser = core.parser().expect("parser");
            for _ in 0..2 {
                let t0 = std::time::Instant::now();
                let tags: Vec<Vec<_>> =
                    forms.iter().map(|f| tagger.tag(f).into_iter().map(|t| t.1).collect()).collect();
                let t1 = t0.elapsed().as_secs_f64();
                let t0 = std::time::Instant::now();
                let mut k = 0;
                for (f, t) in forms.iter().zip(&tags) {
                    k += parser.parse(&parser.input(f, t)).len();
                }
                let t2 = t0.elapsed().as_secs_f64();
                eprintln!(
                    "tagger {:.0} w/s, parser {:.0} w/s, both {:.0} w/s ({k})",
                    n as f64 / t1,
                    n as f64 / t2,
                    n as f64 / (t1 + t2)
                );
            }
        }
        Some("clusters") => {
            // nlpdev clusters OUT CONLLU TEXTDIR...
            let mut sents: Vec<Vec<String>> = Vec::new();
            for s in read_conllu(Path::new(&args[2])).expect("conllu") {
                sents.push(s.words.iter().map(|w| w.form.clone()).collect());
            }
            for dir in &args[3..] {
                let mut files: Vec<_> =
                    std::fs::read_dir(dir).expect("dir").filter_map(|e| e.ok()).map(|e| e.path()).collect();
                files.sort();
                for f in files {
                    let text = std::fs::read_to_string(&f).unwrap_or_default();
                    let a = claimgraph_nlp::segment(&text);
                    for s in &a.sentences {
                        sents.push(a.tokens[s.tokens.clone()].iter().map(|t| t.text(&text).to_string()).collect());
                    }
                }
            }
            let t0 = std::time::Instant::now();
            let opts = claimgraph_nlp::clusters::ClusterOptions::default();
            let c = claimgraph_nlp::clusters::Clusters::train(&sents, &opts, &mut |l| {
                eprintln!("{l} [{:.0}s]", t0.elapsed().as_secs_f64())
            });
            let mut e = claimgraph_nlp::format::Enc::new();
            c.encode(&mut e);
            std::fs::write(&args[1], claimgraph_nlp::format::wrap("clusters", 1, &e.buf)).expect("write");
            // Show a few classes.
            let mut buf = String::new();
            for w in ["monday", "said", "obama", "london", "company", "good", "dog", "iran", "ukraine"] {
                claimgraph_nlp::lex::normalize(w, &mut buf);
                let cl = c.get(claimgraph_nlp::hash::str(&buf));
                eprintln!("{w}: {cl:?}");
            }
        }
        Some("prune") => {
            // nlpdev prune PARSER DEV THRESHOLD...: accuracy/speed/size after pruning.
            let p =
                claimgraph_nlp::parser::Parser::from_bytes(&std::fs::read(&args[1]).expect("parser")).expect("parser");
            let dev = read_conllu(Path::new(&args[2])).expect("dev");
            let core = claimgraph_nlp::Core::load_default().expect("core");
            let tagger = core.tagger().expect("tagger");
            let tags: Vec<Vec<_>> = dev
                .iter()
                .map(|s| {
                    tagger
                        .tag(&s.words.iter().map(|w| w.form.as_str()).collect::<Vec<_>>())
                        .into_iter()
                        .map(|t| t.1)
                        .collect()
                })
                .collect();
            for t in &args[3..] {
                let th: f32 = t.parse().expect("threshold");
                let q = p.pruned(th);
                let t0 = std::time::Instant::now();
                let (uas, las) = q.attachment(&dev, &tags);
                let secs = t0.elapsed().as_secs_f64();
                eprintln!(
                    "prune {th}: UAS {uas:.2} LAS {las:.2}  {} bytes  {:.0} w/s",
                    q.to_bytes().len(),
                    25147.0 / secs
                );
            }
        }
        Some("nerself") => {
            // nlpdev nerself TAGGER GAZ UNER_DEV EWT_TRAIN FOLDS: CV of self-training.
            use claimgraph_nlp::ner::{Ner, NerExample, NerOptions};
            let tagger =
                claimgraph_nlp::tagger::Tagger::from_bytes(&std::fs::read(&args[1]).expect("tagger")).expect("tagger");
            let gaz =
                claimgraph_nlp::gazetteer::Gazetteer::from_tsv(&std::fs::read_to_string(&args[2]).unwrap_or_default());
            let clusters = load_clusters();
            let sents = claimgraph_nlp::conllu::read_iob2(Path::new(&args[3])).expect("iob2");
            let tag = |f: &[&str]| tagger.tag(f).into_iter().map(|t| t.1).collect::<Vec<_>>();
            let data: Vec<NerExample> = sents.iter().map(|s| NerExample::from_sentence(s, tag)).collect();
            let unl: Vec<NerExample> = read_conllu(Path::new(&args[4]))
                .expect("ewt")
                .iter()
                .map(|s| {
                    let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                    NerExample {
                        xpos: tag(&forms),
                        forms: s.words.iter().map(|w| w.form.clone()).collect(),
                        tags: Vec::new(),
                    }
                })
                .collect();
            let k: usize = args[5].parse().unwrap_or(5);
            let epochs: usize = std::env::var("EPOCHS").ok().and_then(|v| v.parse().ok()).unwrap_or(8);
            let only_pos = std::env::var("ONLYPOS").is_ok();
            let opts = NerOptions { epochs, ..Default::default() };
            let n = data.len();
            let (mut tp0, mut p0, mut g0, mut tp1, mut p1) = (0usize, 0usize, 0usize, 0usize, 0usize);
            for fold in 0..k {
                let fo = |i: usize| i * k / n;
                let tr: Vec<NerExample> =
                    data.iter().enumerate().filter(|(i, _)| fo(*i) != fold).map(|(_, e)| e.clone()).collect();
                let held: Vec<&NerExample> =
                    data.iter().enumerate().filter(|(i, _)| fo(*i) == fold).map(|(_, e)| e).collect();
                let m0 = Ner::train(&tr, &gaz, &clusters, &opts);
                let mut aug = tr.clone();
                aug.extend(tr.iter().cloned());
                for u in &unl {
                    let forms: Vec<&str> = u.forms.iter().map(String::as_str).collect();
                    let spans = m0.recognize(&forms, &u.xpos);
                    if only_pos && spans.is_empty() {
                        continue;
                    }
                    let mut tags = vec!["O".to_string(); forms.len()];
                    for (r, l) in spans {
                        for i in r.clone() {
                            tags[i] = format!("{}-{}", if i == r.start { "B" } else { "I" }, l.as_str());
                        }
                    }
                    aug.push(NerExample { tags, ..u.clone() });
                }
                let m1 = Ner::train(&aug, &gaz, &clusters, &opts);
                for e in &held {
                    let forms: Vec<&str> = e.forms.iter().map(String::as_str).collect();
                    let gold = claimgraph_nlp::ner::spans_of_iob2(&e.tags);
                    g0 += gold.len();
                    for (m, tp, pp) in [(&m0, &mut tp0, &mut p0), (&m1, &mut tp1, &mut p1)] {
                        let pred: Vec<_> = m
                            .recognize(&forms, &e.xpos)
                            .into_iter()
                            .map(|(r, l)| (r, l.as_str().to_string()))
                            .collect();
                        *pp += pred.len();
                        *tp += pred.iter().filter(|x| gold.contains(x)).count();
                    }
                }
            }
            let f = |tp: usize, p: usize| {
                let pr = tp as f64 / p as f64;
                let r = tp as f64 / g0 as f64;
                200.0 * pr * r / (pr + r)
            };
            eprintln!(
                "baseline F1 {:.2}  self-trained F1 {:.2}  (P {:.1}/{:.1})",
                f(tp0, p0),
                f(tp1, p1),
                100.0 * tp0 as f64 / p0 as f64,
                100.0 * tp1 as f64 / p1 as f64
            );
        }
        Some("load") => {
            for _ in 0..3 {
                let t0 = std::time::Instant::now();
                let core = claimgraph_nlp::Core::load_default().expect("core");
                eprintln!("load_default: {:.0} ms", t0.elapsed().as_secs_f64() * 1000.0);
                drop(core);
            }
        }
        _ => eprintln!("usage: nlpdev tagger TRAIN DEV OUT [EPOCHS]"),
    }
}
