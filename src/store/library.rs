//! The plans library: every plan file under a folder, newest first,
//! grouped by client, searchable by client, muscle or technique.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use super::error::{FileError, Problem};
use super::format::load_plan;
use super::plan_files::plan_files_under;
use crate::model::{Muscle, Plan, Technique};
use jiff::civil::Date;

/// A client's name and id as a plan gives them, with the lower-case forms
/// that search and grouping use. One is shared (`Arc`) by all the plans of
/// a client: at 100,000 plans four strings per plan were most of the
/// library's memory.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) struct ClientNames {
    pub(super) name: Box<str>,
    pub(super) id: Box<str>,
    /// The name in lower case: plans are grouped and searched by it.
    key: Box<str>,
    /// The id in lower case, for search.
    id_key: Box<str>,
}

impl ClientNames {
    pub(super) fn new(name: &str, id: &str) -> Self {
        let name = name.trim();
        ClientNames {
            name: name.into(),
            id: id.into(),
            key: name.to_lowercase().into(),
            id_key: id.to_lowercase().into(),
        }
    }
}

/// Hands out one shared `ClientNames` per distinct client.
#[derive(Default)]
pub(super) struct ClientTable {
    shared: HashSet<Arc<ClientNames>>,
}

impl ClientTable {
    /// The shared copy of `names` (this one when it is the first).
    pub(super) fn share(&mut self, names: Arc<ClientNames>) -> Arc<ClientNames> {
        match self.shared.get(&*names) {
            Some(shared) => Arc::clone(shared),
            None => {
                self.shared.insert(Arc::clone(&names));
                names
            }
        }
    }

    fn share_entry(&mut self, entry: &mut LibraryEntry) {
        if let Ok(summary) = &mut entry.plan {
            summary.client = self.share(Arc::clone(&summary.client));
        }
    }
}

/// What the library needs of a plan, small enough to keep 100,000.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSummary {
    /// Shared with the client's other plans.
    pub(super) client: Arc<ClientNames>,
    pub date: Date,
    pub steps: usize,
    pub total_minutes: u32,
    pub session_minutes: u16,
    /// Bit `i` set: `Muscle::ALL[i]` is planned. Bits, not a list: no
    /// allocation per plan.
    pub(super) muscle_bits: MuscleBits,
    /// Bit `i` set: `Technique::ALL[i]` is used.
    pub(super) technique_bits: u16,
}

impl PlanSummary {
    pub fn of(plan: &Plan) -> Self {
        let muscle_bits = plan
            .steps
            .iter()
            .fold(0, |bits, s| bits | 1 << s.muscle.index());
        let technique_bits = plan
            .steps
            .iter()
            .fold(0, |bits, s| bits | 1 << s.technique.index());
        PlanSummary {
            client: Arc::new(ClientNames::new(&plan.client.name, &plan.client.id)),
            date: plan.date,
            steps: plan.steps.len(),
            total_minutes: plan.total_minutes(),
            session_minutes: plan.session_minutes,
            muscle_bits,
            technique_bits,
        }
    }

    /// The client's name, trimmed.
    pub fn client(&self) -> &str {
        &self.client.name
    }

    /// The client's id.
    pub fn client_id(&self) -> &str {
        &self.client.id
    }

    /// The muscles planned, in `Muscle::ALL` order, each once.
    pub fn muscles(&self) -> impl Iterator<Item = Muscle> + '_ {
        Muscle::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| self.muscle_bits & (1 << i) != 0)
            .map(|(_, m)| m)
    }

    /// The techniques used, in `Technique::ALL` order, each once.
    pub fn techniques(&self) -> impl Iterator<Item = Technique> + '_ {
        Technique::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| self.technique_bits & (1 << i) != 0)
            .map(|(_, t)| t)
    }

    /// Every word of the query appears in the client, muscle or technique names.
    pub fn matches(&self, query: &str) -> bool {
        let words = query_words(query);
        self.matches_words(&words)
    }

    /// Every word of the query appears in the client's name or id (not in
    /// muscles or techniques): which client a report or course is about.
    pub fn matches_client(&self, query: &str) -> bool {
        query.split_whitespace().all(|word| {
            let word = word.to_lowercase();
            self.client.key.contains(word.as_str()) || self.client.id_key.contains(word.as_str())
        })
    }

    /// The client name in lower case, the key plans are grouped by.
    pub fn client_key(&self) -> &str {
        &self.client.key
    }

    fn matches_words(&self, words: &[QueryWord]) -> bool {
        words.iter().all(|word| {
            self.client.key.contains(word.text.as_str())
                || self.client.id_key.contains(word.text.as_str())
                || self.muscle_bits & word.muscle_bits != 0
                || self.technique_bits & word.technique_bits != 0
        })
    }
}

#[derive(Debug)]
pub struct LibraryEntry {
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
    /// The plan's summary, or why the file could not be read (boxed: few
    /// files are unreadable, and every entry would be as large as the error).
    pub plan: Result<PlanSummary, Box<FileError>>,
}

impl LibraryEntry {
    /// The plan this file is a sync tool's conflict copy of, if it is one.
    pub fn conflict_copy_of(&self) -> Option<PathBuf> {
        super::original_of(&self.path)
    }
}

/// One client's plans, newest first.
#[derive(Debug)]
pub struct ClientGroup<'a> {
    pub client: &'a str,
    pub plans: Vec<&'a LibraryEntry>,
}

impl ClientGroup<'_> {
    /// The client's plans, not counting conflict copies of them.
    pub fn plan_count(&self) -> usize {
        self.plans
            .iter()
            .filter(|e| e.conflict_copy_of().is_none())
            .count()
    }
}

#[derive(Debug, Default)]
pub struct Library {
    pub root: PathBuf,
    /// Newest first: by plan date, then by file time.
    pub entries: Vec<LibraryEntry>,
    /// Changes whenever the entries do, so views can keep what they derived
    /// from them (the grouped rows) until then. Unique across libraries.
    generation: u64,
    /// Who each entry's client is, by number: kept with the entries.
    clients: ClientIndex,
}

/// Each entry's client as a number (`NO_CLIENT` for an unreadable file),
/// and for each number the names and the group (clients are grouped by
/// name without case). A search then matches a client's names once, not
/// once per plan, and groups plans without hashing a name per plan.
#[derive(Debug, Default)]
struct ClientIndex {
    of_entry: Vec<u32>,
    /// Per entry, its muscles (low 32 bits) and techniques (high bits), in
    /// one dense column: a search reads 12 bytes a plan, not the entries.
    plan_bits: Vec<u64>,
    names: Vec<Arc<ClientNames>>,
    group: Vec<u32>,
    /// Every client's lower-case name and id, each followed by `\n`, in
    /// client order: a query word is looked for in all names at once (a
    /// word has no whitespace, so a match never spans two names).
    name_text: String,
    /// Where each client's part of `name_text` ends.
    name_ends: Vec<usize>,
}

const NO_CLIENT: u32 = u32::MAX;

/// A summary's muscles and techniques as one word of bits.
fn plan_bits(muscle_bits: MuscleBits, technique_bits: u16) -> u64 {
    u64::from(muscle_bits) | u64::from(technique_bits) << 32
}

impl ClientIndex {
    fn of(entries: &[LibraryEntry]) -> Self {
        let mut number: HashMap<*const ClientNames, u32> = HashMap::new();
        let mut group_of_key: HashMap<&str, u32> = HashMap::new();
        let mut index = ClientIndex {
            of_entry: Vec::with_capacity(entries.len()),
            plan_bits: Vec::with_capacity(entries.len()),
            ..ClientIndex::default()
        };
        for entry in entries {
            let Ok(summary) = &entry.plan else {
                index.of_entry.push(NO_CLIENT);
                index.plan_bits.push(0);
                continue;
            };
            let next = u32::try_from(index.names.len()).unwrap_or(NO_CLIENT);
            let client = *number
                .entry(Arc::as_ptr(&summary.client))
                .or_insert_with(|| {
                    let groups = u32::try_from(group_of_key.len()).unwrap_or(NO_CLIENT);
                    let group = *group_of_key.entry(&summary.client.key).or_insert(groups);
                    let names = &summary.client;
                    for part in [&names.key, &names.id_key] {
                        index.name_text.push_str(part);
                        index.name_text.push('\n');
                    }
                    index.name_ends.push(index.name_text.len());
                    index.names.push(Arc::clone(&summary.client));
                    index.group.push(group);
                    next
                });
            index.of_entry.push(client);
            index
                .plan_bits
                .push(plan_bits(summary.muscle_bits, summary.technique_bits));
        }
        index
    }

    /// Per client number: bit `i` set when word `i` is in its name or id.
    fn words_in_names(&self, words: &[QueryWord]) -> Vec<u64> {
        let mut named = vec![0u64; self.names.len()];
        for (i, word) in words.iter().enumerate() {
            for (at, _) in self.name_text.match_indices(word.text.as_str()) {
                let client = self.name_ends.partition_point(|&end| end <= at);
                if let Some(bits) = named.get_mut(client) {
                    *bits |= 1 << i;
                }
            }
        }
        named
    }
}

/// A search's plans, grouped: `slots[k]` is the group of the `k`-th match,
/// `plans[k]` its entry; `sizes` counts each group's plans (groups in the
/// order of their newest plan); unreadable entries apart.
#[derive(Default)]
struct Grouped {
    sizes: Vec<usize>,
    slots: Vec<u32>,
    plans: Vec<u32>,
    unreadable: Vec<usize>,
}

impl Grouped {
    /// Each group's items, `item(at)` for entry `at`, exactly allocated.
    fn collect<T>(self, item: impl Fn(usize) -> T) -> Vec<Vec<T>> {
        let mut groups: Vec<Vec<T>> = self.sizes.iter().map(|&n| Vec::with_capacity(n)).collect();
        for (&slot, &at) in self.slots.iter().zip(&self.plans) {
            if let Some(group) = groups.get_mut(slot as usize) {
                group.push(item(at as usize));
            }
        }
        if !self.unreadable.is_empty() {
            groups.push(self.unreadable.into_iter().map(item).collect());
        }
        groups
    }
}

/// The library's order: by plan date, then file time, newest first; then by
/// path (unreadable files, which have no date, last).
fn newest_first(a: &LibraryEntry, b: &LibraryEntry) -> std::cmp::Ordering {
    let date = |e: &LibraryEntry| e.plan.as_ref().ok().map(|p| p.date);
    // `then_with`: comparing paths is slow, so only on a tie.
    date(b)
        .cmp(&date(a))
        .then_with(|| b.modified.cmp(&a.modified))
        .then_with(|| a.path.cmp(&b.path))
}

/// Sorts `entries` `newest_first` by sorting small keys (date, time, place)
/// and then moving each entry once: sorting the entries themselves moved
/// 72 bytes at every step and was the largest cost of showing 100,000
/// plans from the index cache. At most `u32::MAX` entries.
fn sort_by_keys(entries: &mut [LibraryEntry]) {
    use std::cmp::Reverse;
    /// Newest date, then newest time, first; then the entry's place.
    type Key = (Reverse<Option<Date>>, Reverse<Option<SystemTime>>, u32);
    let mut keys: Vec<Key> = entries
        .iter()
        .enumerate()
        .map(|(at, e)| {
            let date = e.plan.as_ref().ok().map(|p| p.date);
            (Reverse(date), Reverse(e.modified), at as u32)
        })
        .collect();
    keys.sort_unstable_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| entries[a.2 as usize].path.cmp(&entries[b.2 as usize].path))
    });
    let mut order: Vec<u32> = keys.into_iter().map(|(_, _, at)| at).collect();
    permute(entries, &mut order);
}

/// Puts `items[order[i]]` at `i` for every `i`, following each cycle of
/// the permutation with swaps (no second list of items). `order` is used up.
fn permute<T>(items: &mut [T], order: &mut [u32]) {
    const DONE: u32 = u32::MAX;
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            if from == DONE {
                break;
            }
            order[at] = DONE;
            if from as usize == start {
                break;
            }
            items.swap(at, from as usize);
            at = from as usize;
        }
    }
}

/// Source of library generations: a fresh scan never reuses an old number.
static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

fn next_generation() -> u64 {
    NEXT_GENERATION.fetch_add(1, Ordering::Relaxed)
}

impl Library {
    /// Reads every `.ron` file under `root`, skipping hidden folders (history,
    /// recovery). A missing folder is an empty library; unreadable files are
    /// listed with their reason.
    pub fn scan(root: &Path) -> Result<Library, FileError> {
        let paths = match plan_files_under(root) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(FileError::new(root, Problem::Read(e))),
            Ok(paths) => paths,
        };
        let read = read_entries(paths, &mut ClientTable::default());
        Ok(Library::from_entries(root, read))
    }

    /// A library of these entries, sorted newest first.
    pub(super) fn from_entries(root: &Path, entries: Vec<LibraryEntry>) -> Library {
        let mut library = Library {
            root: root.to_path_buf(),
            entries,
            generation: next_generation(),
            clients: ClientIndex::default(),
        };
        library.sort();
        library
    }

    /// Changes whenever the entries change (a scan, `refresh_file`).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    fn sort(&mut self) {
        match u32::try_from(self.entries.len()) {
            Ok(_) => sort_by_keys(&mut self.entries),
            Err(_) => self.entries.sort_by(newest_first),
        }
        self.clients = ClientIndex::of(&self.entries);
    }

    /// Plans matching `query` (all entries for an empty query), newest first.
    /// Unreadable files match every query so they are never hidden.
    pub fn search<'a>(&'a self, query: &'a str) -> impl Iterator<Item = &'a LibraryEntry> + 'a {
        let words = query_words(query);
        self.entries.iter().filter(move |e| match &e.plan {
            Ok(summary) => summary.matches_words(&words),
            Err(_) => true,
        })
    }

    /// Matching plans grouped by client (name compared without case), the
    /// client with the most recent plan first; unreadable files come last
    /// under the client name "".
    pub fn groups<'a>(&'a self, query: &'a str) -> Vec<ClientGroup<'a>> {
        let entries = &self.entries;
        let grouped = match self.grouped(query) {
            Some(grouped) => grouped.collect(|at| &entries[at]),
            None => self
                .group_indices_per_plan(&query_words(query))
                .into_iter()
                .map(|group| group.into_iter().map(|at| &entries[at]).collect())
                .collect(),
        };
        grouped
            .into_iter()
            .map(|plans: Vec<&LibraryEntry>| {
                let client = plans
                    .first()
                    .and_then(|e| e.plan.as_ref().ok())
                    .map_or("", PlanSummary::client);
                ClientGroup { client, plans }
            })
            .collect()
    }

    /// The same grouping as `groups`, as indices into `entries`: a view can
    /// keep it (it borrows nothing) until the query or `generation` changes.
    /// Every group is non-empty; the first plan names the client.
    pub fn group_indices(&self, query: &str) -> Vec<Vec<usize>> {
        match self.grouped(query) {
            Some(grouped) => grouped.collect(|at| at),
            None => self.group_indices_per_plan(&query_words(query)),
        }
    }

    /// The grouping by client number; `None` when the numbers are not at
    /// hand, or for a query of 64 words or more (then plan by plan).
    fn grouped(&self, query: &str) -> Option<Grouped> {
        let words = query_words(query);
        let index = &self.clients;
        if index.of_entry.len() != self.entries.len()
            || index.plan_bits.len() != self.entries.len()
            || u32::try_from(self.entries.len()).is_err()
            || words.len() >= 64
        {
            return None;
        }
        let all_words = (1u64 << words.len()) - 1;
        let word_bits: Vec<u64> = words
            .iter()
            .map(|w| plan_bits(w.muscle_bits, w.technique_bits))
            .collect();
        let named = index.words_in_names(&words);
        // Per group: its place in the result, once it has a plan.
        let mut slot_of_group: Vec<u32> = vec![u32::MAX; index.names.len()];
        let mut grouped = Grouped::default();
        for (at, (&client, &bits)) in index.of_entry.iter().zip(&index.plan_bits).enumerate() {
            let Some(&by_name) = named.get(client as usize) else {
                grouped.unreadable.push(at);
                continue;
            };
            if by_name != all_words {
                let by_plan = word_bits
                    .iter()
                    .enumerate()
                    .filter(|&(_, &w)| bits & w != 0)
                    .fold(0, |found, (i, _)| found | 1 << i);
                if by_name | by_plan != all_words {
                    continue;
                }
            }
            let group = index.group[client as usize] as usize;
            let Some(slot) = slot_of_group.get_mut(group) else {
                continue;
            };
            if *slot == u32::MAX {
                *slot = u32::try_from(grouped.sizes.len()).unwrap_or(u32::MAX);
                grouped.sizes.push(0);
            }
            grouped.sizes[*slot as usize] += 1;
            grouped.slots.push(*slot);
            grouped.plans.push(at as u32);
        }
        Some(grouped)
    }

    /// `group_indices` matching and grouping plan by plan (when the
    /// client numbers are not at hand, or for a query of 64 words or more).
    fn group_indices_per_plan(&self, words: &[QueryWord]) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut unreadable = Vec::new();
        for (at, entry) in self.entries.iter().enumerate() {
            let summary = match &entry.plan {
                Ok(summary) if summary.matches_words(words) => summary,
                Ok(_) => continue,
                Err(_) => {
                    unreadable.push(at);
                    continue;
                }
            };
            match index.get(&*summary.client.key) {
                Some(&group) => groups[group].push(at),
                None => {
                    index.insert(&summary.client.key, groups.len());
                    groups.push(vec![at]);
                }
            }
        }
        if !unreadable.is_empty() {
            groups.push(unreadable);
        }
        groups
    }

    /// How many of these entries are plans, not conflict copies of one
    /// (a client's count in the library).
    pub fn count_plans(&self, entries: &[usize]) -> usize {
        entries
            .iter()
            .filter_map(|&at| self.entries.get(at))
            .filter(|e| e.conflict_copy_of().is_none())
            .count()
    }

    /// Re-reads one file after it was saved, added or removed, without
    /// scanning the whole folder again.
    pub fn refresh_file(&mut self, path: &Path) {
        self.entries.retain(|e| e.path != path);
        if path.exists() {
            self.entries.push(read_entry(path.to_path_buf()));
        }
        self.sort();
        self.generation = next_generation();
    }

    pub fn entry(&self, path: &Path) -> Option<&LibraryEntry> {
        self.entries.iter().find(|e| e.path == path)
    }
}

/// One word of a search, with the muscles and techniques whose names
/// contain it worked out once per query rather than once per plan (a summary
/// then needs no search text of its own: less memory at 10,000 plans).
struct QueryWord {
    text: String,
    muscle_bits: MuscleBits,
    technique_bits: u16,
}

fn query_words(query: &str) -> Vec<QueryWord> {
    query
        .split_whitespace()
        .map(|word| {
            let text = word.to_lowercase();
            let muscle_bits = Muscle::ALL
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.name().to_lowercase().contains(&text) || m.id().contains(text.as_str())
                })
                .fold(0, |bits, (i, _)| bits | 1 << i);
            let technique_bits = Technique::ALL
                .iter()
                .enumerate()
                .filter(|(_, t)| t.name().to_lowercase().contains(&text))
                .fold(0, |bits, (i, _)| bits | 1 << i);
            QueryWord {
                text,
                muscle_bits,
                technique_bits,
            }
        })
        .collect()
}

/// One bit per muscle of `Muscle::ALL`.
pub(super) type MuscleBits = u32;
const _: () = assert!(Muscle::ALL.len() <= MuscleBits::BITS as usize);

/// Reads the files on every core (parsing, not the disk, is the slow part),
/// the plans of one client sharing their names (`clients`).
pub(super) fn read_entries(paths: Vec<PathBuf>, clients: &mut ClientTable) -> Vec<LibraryEntry> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = paths.len().div_ceil(threads).max(64);
    std::thread::scope(|scope| {
        let workers: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    // Shared as they are read, so the names of one client's
                    // plans do not pile up before the end.
                    let mut local = ClientTable::default();
                    let mut read = Vec::with_capacity(part.len());
                    for path in part {
                        let mut entry = read_entry(path.clone());
                        local.share_entry(&mut entry);
                        read.push(entry);
                    }
                    read
                })
            })
            .collect();
        let mut entries = Vec::with_capacity(paths.len());
        for (worker, part) in workers.into_iter().zip(paths.chunks(chunk)) {
            match worker.join() {
                Ok(read) => entries.extend(read),
                // A worker cannot panic on file input (loading never panics);
                // should it anyway, read its share here rather than lose it.
                Err(_) => entries.extend(part.iter().cloned().map(read_entry)),
            }
        }
        for entry in &mut entries {
            clients.share_entry(entry);
        }
        entries
    })
}

fn read_entry(path: PathBuf) -> LibraryEntry {
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    let plan = load_plan(&path)
        .map(|plan| PlanSummary::of(&plan))
        .map_err(Box::new);
    LibraryEntry {
        path,
        modified,
        plan,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pressure, Side, Step};

    fn entry(n: usize, client: &str, id: &str) -> LibraryEntry {
        let mut plan = Plan::new(jiff::civil::date(2026, 1, 1 + (n % 28) as i8));
        plan.client.name = client.to_owned();
        plan.client.id = id.to_owned();
        plan.steps = vec![Step::new(
            Muscle::ALL[n % Muscle::ALL.len()],
            Side::Left,
            Technique::ALL[n % Technique::ALL.len()],
            Pressure::MEDIUM,
        )];
        let mut summary = PlanSummary::of(&plan);
        if n.is_multiple_of(2) {
            // Some plans share their client's names, as a scan makes them.
            summary.client = Arc::new(ClientNames::new(client, id));
        }
        LibraryEntry {
            path: PathBuf::from(format!("/plans/{n}.ron")),
            modified: None,
            plan: Ok(summary),
        }
    }

    /// Search by client number gives what matching plan by plan gives.
    #[test]
    fn grouping_by_client_number_is_grouping_plan_by_plan() {
        let clients = [
            ("Anna Berg", "AB-1"),
            ("anna berg", "AB-1"),
            ("Anna Berg", "AB-2"),
            ("Bo Chen", "BC-7"),
            ("Carla Diaz", ""),
        ];
        let mut entries: Vec<LibraryEntry> = (0..60)
            .map(|n| {
                let (client, id) = clients[n * 7 % clients.len()];
                entry(n, client, id)
            })
            .collect();
        entries.push(LibraryEntry {
            path: PathBuf::from("/plans/broken.ron"),
            modified: None,
            plan: Err(Box::new(FileError::new(
                "/plans/broken.ron",
                Problem::NotUtf8,
            ))),
        });
        let library = Library::from_entries(Path::new("/plans"), entries);
        for query in [
            "",
            "anna",
            "ANNA b",
            "ab-2",
            "bc",
            "gluteus",
            "swedish anna",
            "deep bo",
            "zzz",
            "a b c",
            "deep tissue",
            "tissue anna",
            "n\u{e4}",
            "ab-1 berg",
            "g\nb",
        ] {
            let words = query_words(query);
            assert_eq!(
                library.group_indices(query),
                library.group_indices_per_plan(&words),
                "{query:?}"
            );
            let groups: Vec<Vec<&str>> = library
                .groups(query)
                .iter()
                .map(|g| g.plans.iter().map(|e| e.path.to_str().unwrap()).collect())
                .collect();
            let indices: Vec<Vec<&str>> = library
                .group_indices(query)
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|&at| library.entries[at].path.to_str().unwrap())
                        .collect()
                })
                .collect();
            assert_eq!(groups, indices, "{query:?}");
        }
        assert_eq!(
            library.group_indices("").len(),
            4,
            "3 names and the broken file"
        );
    }

    #[test]
    fn a_permutation_moves_each_item_to_its_place() {
        let mut items = ['a', 'b', 'c', 'd', 'e', 'f'];
        let mut order = [2, 0, 1, 5, 4, 3];
        permute(&mut items, &mut order);
        assert_eq!(items, ['c', 'a', 'b', 'f', 'e', 'd']);
    }

    /// Sorting by keys gives the order of the entry comparison, ties on date
    /// and time included (then by path), unreadable files last.
    #[test]
    fn sorting_by_keys_is_sorting_newest_first() {
        let made = |n: usize| {
            let mut e = entry(n % 5, "Anna Berg", "AB-1");
            e.path = PathBuf::from(format!("/plans/{}.ron", (n * 37) % 23));
            e.modified =
                Some(std::time::UNIX_EPOCH + std::time::Duration::from_secs((n % 3) as u64));
            if n.is_multiple_of(7) {
                e.modified = None;
            }
            if n.is_multiple_of(11) {
                e.plan = Err(Box::new(FileError::new(&e.path, Problem::NotUtf8)));
            }
            e
        };
        let mut by_keys: Vec<LibraryEntry> = (0..23).map(made).collect();
        let mut by_entries: Vec<LibraryEntry> = (0..23).map(made).collect();
        sort_by_keys(&mut by_keys);
        by_entries.sort_by(newest_first);
        let paths = |v: &[LibraryEntry]| v.iter().map(|e| e.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&by_keys), paths(&by_entries));
    }

    #[test]
    fn plans_of_one_client_share_their_names() {
        let mut clients = ClientTable::default();
        let first = clients.share(Arc::new(ClientNames::new(" Anna Berg ", "AB-1")));
        let again = clients.share(Arc::new(ClientNames::new("Anna Berg", "AB-1")));
        let other = clients.share(Arc::new(ClientNames::new("Anna Berg", "AB-2")));
        assert!(Arc::ptr_eq(&first, &again));
        assert!(!Arc::ptr_eq(&first, &other));
        assert_eq!(&*first.key, "anna berg");
    }
}
