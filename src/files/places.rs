//! Where an export is first offered: the folder of the open preset when it
//! came from a file, else the user's documents folder, never the folder of
//! presets shipped with the program (a file opened from there, as the
//! workbench's own examples are, would otherwise send the user's report in
//! among the program's files, where nobody looks for it).
//!
//! What the system says is behind [`Environment`], so that the rules can be
//! tested with an environment written out in the test.

use crate::preset::builtin::BUILT_IN;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// What the suggested folder is worked out from.
pub trait Environment {
    /// The user's home folder.
    fn home(&self) -> Option<PathBuf>;
    /// What `xdg-user-dir DOCUMENTS` prints (Linux and other XDG desktops).
    fn xdg_user_dir(&self) -> Option<String>;
    /// The text of `user-dirs.dirs` (in `$XDG_CONFIG_HOME`, else
    /// `~/.config`).
    fn user_dirs(&self) -> Option<String>;
    /// Whether `path` is a folder.
    fn is_dir(&self, path: &Path) -> bool;
    /// Whether `path` is a file.
    fn is_file(&self, path: &Path) -> bool;
    /// Whether the desktop keeps its folders the XDG way (not Windows or
    /// macOS, whose documents folder is always `Documents` at home).
    fn is_xdg(&self) -> bool;
    /// Where the program's own presets may be: beside the program, and in
    /// the source folder it was built from.
    fn program_presets(&self) -> Vec<PathBuf>;
}

/// The folder an export is first offered in: the folder of `preset_file`
/// (the open preset's file, if it came from one) unless that is where the
/// program keeps its own presets; else the documents folder; else none
/// (then the file dialog starts where it likes).
pub fn export_folder(preset_file: Option<&Path>, env: &dyn Environment) -> Option<PathBuf> {
    let beside = preset_file
        .and_then(Path::parent)
        .filter(|dir| !dir.as_os_str().is_empty())
        .filter(|dir| !is_program_presets(dir, env));
    beside
        .map(Path::to_path_buf)
        .or_else(|| documents_folder(env))
}

/// The user's documents folder: on an XDG desktop `XDG_DOCUMENTS_DIR` (as
/// `xdg-user-dir DOCUMENTS` prints it, else as `user-dirs.dirs` writes it),
/// if it is a folder; else `~/Documents` if there is one; else home.
pub fn documents_folder(env: &dyn Environment) -> Option<PathBuf> {
    let home = env.home()?;
    let named = if env.is_xdg() {
        xdg_documents(env, &home)
    } else {
        None
    };
    let usual = home.join("Documents");
    named
        .filter(|dir| env.is_dir(dir))
        .or_else(|| env.is_dir(&usual).then_some(usual))
        .or(Some(home))
}

/// `XDG_DOCUMENTS_DIR`, where the user has one. `xdg-user-dir` prints home
/// when none is set, which says nothing, so home from it does not count.
fn xdg_documents(env: &dyn Environment, home: &Path) -> Option<PathBuf> {
    let printed = env
        .xdg_user_dir()
        .map(|s| PathBuf::from(s.trim()))
        .filter(|p| p.is_absolute() && p != home);
    printed.or_else(|| env.user_dirs().and_then(|text| from_user_dirs(&text, home)))
}

/// The documents folder in the text of a `user-dirs.dirs` file:
/// `XDG_DOCUMENTS_DIR="$HOME/Documents"`, the path absolute or relative to
/// `$HOME` (the only two forms the file allows).
pub fn from_user_dirs(text: &str, home: &Path) -> Option<PathBuf> {
    let value = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| line.strip_prefix("XDG_DOCUMENTS_DIR="))?;
    let value = value.trim().trim_matches('"');
    let path = match value.strip_prefix("$HOME") {
        Some(rest) => home.join(rest.trim_start_matches('/')),
        None if value.starts_with('/') => PathBuf::from(value),
        None => return None,
    };
    // "$HOME/" alone means the home folder: no documents folder of its own.
    (path != home).then_some(path)
}

/// Whether `dir` is where the program keeps its own presets: one of the
/// places it may be, or a folder that holds every shipped preset (a copy of
/// it, unpacked with the program).
fn is_program_presets(dir: &Path, env: &dyn Environment) -> bool {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    env.program_presets().iter().any(|p| same(p, dir))
        || BUILT_IN.iter().all(|b| env.is_file(&dir.join(b.file)))
}

/// The system as it is.
pub struct System;

impl Environment for System {
    fn home(&self) -> Option<PathBuf> {
        let var = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
        std::env::var_os(var)
            .filter(|h| !h.is_empty())
            .map(PathBuf::from)
    }

    fn xdg_user_dir(&self) -> Option<String> {
        // Asked once a run: the answer does not change while the window is
        // open, and the program need not be started at every export.
        static PRINTED: OnceLock<Option<String>> = OnceLock::new();
        PRINTED
            .get_or_init(|| {
                let out = std::process::Command::new("xdg-user-dir")
                    .arg("DOCUMENTS")
                    .stderr(std::process::Stdio::null())
                    .output()
                    .ok()?;
                out.status
                    .success()
                    .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
            })
            .clone()
    }

    fn user_dirs(&self) -> Option<String> {
        let config = std::env::var_os("XDG_CONFIG_HOME")
            .filter(|c| !c.is_empty())
            .map(PathBuf::from)
            .or_else(|| self.home().map(|h| h.join(".config")))?;
        std::fs::read_to_string(config.join("user-dirs.dirs")).ok()
    }

    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }

    fn is_file(&self, path: &Path) -> bool {
        path.is_file()
    }

    fn is_xdg(&self) -> bool {
        !cfg!(any(windows, target_os = "macos"))
    }

    fn program_presets(&self) -> Vec<PathBuf> {
        let mut places = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("presets")];
        if let Ok(exe) = std::env::current_exe()
            && let Some(dir) = exe.parent()
        {
            places.push(dir.join("presets"));
            places.extend(dir.ancestors().nth(2).map(|up| up.join("presets")));
        }
        places
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An environment written out: a home, what `xdg-user-dir` prints, the
    /// text of `user-dirs.dirs`, the folders and files there are.
    struct Fake {
        home: Option<&'static str>,
        printed: Option<&'static str>,
        user_dirs: Option<&'static str>,
        dirs: Vec<&'static str>,
        files: Vec<String>,
        xdg: bool,
        presets: Vec<&'static str>,
    }

    impl Default for Fake {
        fn default() -> Self {
            Fake {
                home: Some("/home/ana"),
                printed: None,
                user_dirs: None,
                dirs: Vec::new(),
                files: Vec::new(),
                xdg: true,
                presets: vec!["/opt/cluster-workbench/presets"],
            }
        }
    }

    impl Environment for Fake {
        fn home(&self) -> Option<PathBuf> {
            self.home.map(PathBuf::from)
        }
        fn xdg_user_dir(&self) -> Option<String> {
            self.printed.map(str::to_owned)
        }
        fn user_dirs(&self) -> Option<String> {
            self.user_dirs.map(str::to_owned)
        }
        fn is_dir(&self, path: &Path) -> bool {
            self.dirs.iter().any(|d| Path::new(d) == path)
        }
        fn is_file(&self, path: &Path) -> bool {
            self.files.iter().any(|f| Path::new(f) == path)
        }
        fn is_xdg(&self) -> bool {
            self.xdg
        }
        fn program_presets(&self) -> Vec<PathBuf> {
            self.presets.iter().map(PathBuf::from).collect()
        }
    }

    fn folder(preset: Option<&str>, env: &Fake) -> Option<PathBuf> {
        export_folder(preset.map(Path::new), env)
    }

    #[test]
    fn the_open_presets_folder_comes_first() {
        let env = Fake {
            dirs: vec!["/home/ana/Documents"],
            ..Fake::default()
        };
        assert_eq!(
            folder(Some("/home/ana/work/sialkot.json"), &env),
            Some(PathBuf::from("/home/ana/work"))
        );
    }

    #[test]
    fn never_the_programs_own_presets() {
        let env = Fake {
            dirs: vec!["/home/ana/Documents"],
            ..Fake::default()
        };
        assert_eq!(
            folder(
                Some("/opt/cluster-workbench/presets/teaching-case.json"),
                &env
            ),
            Some(PathBuf::from("/home/ana/Documents"))
        );
        // A copy of the shipped folder, unpacked elsewhere, is one too.
        let copy = Fake {
            dirs: vec!["/home/ana/Documents"],
            files: BUILT_IN
                .iter()
                .map(|b| format!("/home/ana/Downloads/cw/presets/{}", b.file))
                .collect(),
            ..Fake::default()
        };
        assert_eq!(
            folder(
                Some("/home/ana/Downloads/cw/presets/rural-java.json"),
                &copy
            ),
            Some(PathBuf::from("/home/ana/Documents"))
        );
    }

    #[test]
    fn xdg_user_dir_names_the_documents_folder() {
        let env = Fake {
            printed: Some("/home/ana/Dokumente\n"),
            user_dirs: Some("XDG_DOCUMENTS_DIR=\"$HOME/Other\"\n"),
            dirs: vec![
                "/home/ana/Dokumente",
                "/home/ana/Other",
                "/home/ana/Documents",
            ],
            ..Fake::default()
        };
        assert_eq!(
            folder(None, &env),
            Some(PathBuf::from("/home/ana/Dokumente"))
        );
    }

    #[test]
    fn else_user_dirs_names_it() {
        let env = Fake {
            // Printed when nothing is set: home, which says nothing.
            printed: Some("/home/ana\n"),
            user_dirs: Some(
                "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOCUMENTS_DIR=\"$HOME/Mes documents\"\n",
            ),
            dirs: vec!["/home/ana/Mes documents", "/home/ana/Documents"],
            ..Fake::default()
        };
        assert_eq!(
            folder(None, &env),
            Some(PathBuf::from("/home/ana/Mes documents"))
        );
    }

    #[test]
    fn else_documents_at_home_if_there_is_one_else_home() {
        let missing = Fake {
            // Named, but not there.
            user_dirs: Some("XDG_DOCUMENTS_DIR=\"/srv/docs\""),
            dirs: vec!["/home/ana/Documents"],
            ..Fake::default()
        };
        assert_eq!(
            folder(None, &missing),
            Some(PathBuf::from("/home/ana/Documents"))
        );
        let bare = Fake::default();
        assert_eq!(folder(None, &bare), Some(PathBuf::from("/home/ana")));
        let homeless = Fake {
            home: None,
            ..Fake::default()
        };
        assert_eq!(folder(None, &homeless), None);
    }

    #[test]
    fn windows_and_macos_use_documents_at_home() {
        let env = Fake {
            home: Some("/Users/ana"),
            printed: Some("/Users/ana/Elsewhere"),
            dirs: vec!["/Users/ana/Documents", "/Users/ana/Elsewhere"],
            xdg: false,
            ..Fake::default()
        };
        assert_eq!(
            folder(None, &env),
            Some(PathBuf::from("/Users/ana/Documents"))
        );
        // A preset opened from the shipped folder, or none: the same.
        assert_eq!(
            folder(Some("/opt/cluster-workbench/presets/x.json"), &env),
            Some(PathBuf::from("/Users/ana/Documents"))
        );
    }

    #[test]
    fn user_dirs_lines_as_the_file_writes_them() {
        let home = Path::new("/home/ana");
        let read = |text: &str| from_user_dirs(text, home);
        assert_eq!(
            read("XDG_DOCUMENTS_DIR=\"/data/docs\""),
            Some(PathBuf::from("/data/docs"))
        );
        assert_eq!(read("XDG_DOCUMENTS_DIR=\"$HOME/\""), None);
        assert_eq!(read("#XDG_DOCUMENTS_DIR=\"$HOME/Docs\""), None);
        assert_eq!(read("XDG_DOCUMENTS_DIR=\"relative\""), None);
        assert_eq!(read("XDG_MUSIC_DIR=\"$HOME/Music\""), None);
    }
}
