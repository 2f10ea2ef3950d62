//! Prints how long loading the shipped models takes (the target is under
//! 200 ms): `cargo run --release -p claimgraph-nlp --example load_time`.

fn main() {
    for _ in 0..3 {
        let t0 = std::time::Instant::now();
        match claimgraph_nlp::Core::load_default() {
            Ok(core) => {
                println!("Core::load_default: {:.0} ms", t0.elapsed().as_secs_f64() * 1000.0);
                drop(core);
            }
            Err(e) => {
                eprintln!("load_time: {e}");
                std::process::exit(1);
            }
        }
    }
}
