//! Thread priorities: lets expensive background work yield the CPU to the
//! cheap, latency-sensitive work of the same process.
//!
//! Used where one process mixes both: `ingest`'s analysis threads yield to
//! its serial writer, and the server's database threads yield to the
//! threads that answer from its cache. When the machine has cores to spare
//! this changes nothing.

/// Lowers the calling thread's scheduling priority by `steps` nice levels
/// relative to its current one (so a process started under `nice -n 10`
/// keeps the order between its threads). Linux only (elsewhere a no-op); a
/// failure leaves the thread as it was, which is harmless.
pub fn lower_current_thread(steps: i32) {
    #[cfg(target_os = "linux")]
    // SAFETY: getpriority and setpriority read only their integer arguments;
    // on Linux, PRIO_PROCESS with `who = 0` names the calling thread alone.
    // getpriority's -1 on error is also a valid priority; clearing errno
    // first would tell them apart, but a wrong base only shifts the level.
    unsafe {
        let current = libc::getpriority(libc::PRIO_PROCESS, 0);
        libc::setpriority(libc::PRIO_PROCESS, 0, (current + steps).min(19));
    }
    #[cfg(not(target_os = "linux"))]
    let _ = steps;
}

#[cfg(test)]
mod tests {
    #[cfg(target_os = "linux")]
    #[test]
    fn lowers_relative_to_the_current_level() {
        // A thread of its own, so the test runner's threads keep their level.
        let (before, after) = std::thread::spawn(|| {
            // SAFETY: as in `lower_current_thread`.
            let before = unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) };
            super::lower_current_thread(3);
            let after = unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) };
            (before, after)
        })
        .join()
        .unwrap_or((0, 0));
        assert_eq!(after, (before + 3).min(19));
    }
}
