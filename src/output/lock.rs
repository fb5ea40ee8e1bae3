//! One build at a time per output folder: an exclusive advisory lock on `.NAME.amo/lock`,
//! released by the system when the process ends, however it ends.

use super::error::PublishError;
use super::layout::Layout;
use std::fs::{File, OpenOptions};

/// Held for the whole write; dropping it releases the lock.
pub struct Lock(#[allow(dead_code)] File);

pub fn acquire(l: &Layout) -> Result<Lock, PublishError> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&l.lock)
        .map_err(|e| PublishError::io("open the lock", &l.lock, e))?;
    #[cfg(unix)]
    {
        use rustix::fs::{FlockOperation, flock};
        match flock(&file, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => {}
            Err(e) if e == rustix::io::Errno::WOULDBLOCK => {
                return Err(PublishError::Busy(l.out.clone()));
            }
            Err(e) => return Err(PublishError::io("lock", &l.lock, e.into())),
        }
    }
    Ok(Lock(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_build_on_the_same_folder_is_refused() {
        let t = tempfile::tempdir().unwrap();
        let l = Layout::new(t.path().join("public"));
        std::fs::create_dir_all(&l.state).unwrap();
        let held = acquire(&l).unwrap();
        assert!(matches!(acquire(&l), Err(PublishError::Busy(_))));
        drop(held);
        acquire(&l).unwrap();
    }
}
