//! Handing a written file to the desktop: open it with the program the
//! system uses for it, or show the folder that holds it. The request goes
//! through [`Launcher`], so that tests can record it instead of starting a
//! program.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Opens a file or folder with the system's default program for it.
pub trait Launcher: Send + Sync {
    /// Asks the system to open `path` (a file, or a folder to show), without
    /// waiting for the program it starts. An error says why it could not be
    /// asked; what the program then does is not reported.
    fn open(&self, path: &Path) -> std::io::Result<()>;
}

/// The desktop's own opener: `xdg-open` on Linux and other XDG desktops,
/// `open` on macOS, `explorer` on Windows.
pub struct SystemLauncher;

impl Launcher for SystemLauncher {
    fn open(&self, path: &Path) -> std::io::Result<()> {
        let opener = if cfg!(windows) {
            "explorer"
        } else if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        let mut child = Command::new(opener)
            .arg(path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        // Reaped on a thread of its own, so the window never waits on the
        // program and no finished process is left behind.
        let _ = std::thread::Builder::new()
            .name("cluster-workbench opener".into())
            .spawn(move || child.wait());
        Ok(())
    }
}

/// Shows the folder that holds `path`.
pub fn reveal(launcher: &dyn Launcher, path: &Path) -> std::io::Result<()> {
    launcher.open(&folder_of(path))
}

/// The folder that holds `path` ("." for a bare file name).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Recorder(Mutex<Vec<PathBuf>>);

    impl Launcher for Recorder {
        fn open(&self, path: &Path) -> std::io::Result<()> {
            self.0
                .lock()
                .map_err(|_| std::io::ErrorKind::Other)?
                .push(path.to_path_buf());
            Ok(())
        }
    }

    #[test]
    fn reveal_opens_the_folder_and_open_the_file() {
        let r = Recorder::default();
        r.open(Path::new("/home/ana/Documents/x-report.html"))
            .unwrap();
        reveal(&r, Path::new("/home/ana/Documents/x-report.html")).unwrap();
        reveal(&r, Path::new("x-report.html")).unwrap();
        assert_eq!(
            *r.0.lock().unwrap(),
            vec![
                PathBuf::from("/home/ana/Documents/x-report.html"),
                PathBuf::from("/home/ana/Documents"),
                PathBuf::from("."),
            ]
        );
    }
}
