// frontdoor-gen-decisions: writes a synthetic decisions CSV (product.md §7) of any size for
// tests and benchmarks of `frontdoor-cli report`. Decisions spread around each scenario's
// "true" level by each trainee's threshold bias and noise. The same seed gives the same bytes
// on every platform: std::mt19937_64 with our own mapping to ranges, no std distributions.
#include "sim/core/codes.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using sim::core::ResponseLevel;

constexpr int kLevels = 6;                             // nfa .. immediate
constexpr std::int64_t kMostRows = 10'000'000'000;     // about 600 GB of CSV
constexpr std::int64_t kMostDistinctRows = 10'000'000; // --trainee-per-row keeps every model
constexpr double kSqrt3 = 1.7320508075688772;
// Typical need level and harm probability seen at each response level (nfa .. immediate).
constexpr std::array<int, kLevels> kNeedOfLevel{1, 1, 2, 3, 4, 4};
constexpr std::array<double, kLevels> kHarmOfLevel{0.04, 0.10, 0.22, 0.40, 0.68, 0.88};
constexpr std::array<std::string_view, 4> kCohorts{"2024-A", "2024-B", "2025-A", "2025-B"};

// Uniform and roughly normal draws with an arithmetic fixed here (not by the standard
// library), each draw its own statement so the order of engine calls is fixed too.
class Random {
public:
  explicit Random(std::uint64_t seed) : m_engine(seed) {}

  std::uint64_t below(std::uint64_t n) { return m_engine() % n; }
  double unit() { return static_cast<double>(m_engine() >> 11U) * 0x1.0p-53; } // [0, 1)
  double between(double lo, double hi) { return lo + (hi - lo) * unit(); }
  bool chance(double p) { return unit() < p; }
  // Mean 0, standard deviation 1: the sum of four uniforms (Irwin-Hall), rescaled.
  double normal() {
    double sum = unit();
    sum += unit();
    sum += unit();
    sum += unit();
    return (sum - 2.0) * kSqrt3;
  }

private:
  std::mt19937_64 m_engine;
};

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// RFC 4180: quote a field holding a comma, quote or line break, or with spaces at its ends
// (which the reader would trim); double the quotes inside.
std::string csvField(std::string_view text) {
  const bool needsQuotes = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                           (!text.empty() && (text.front() == ' ' || text.front() == '\t' ||
                                              text.back() == ' ' || text.back() == '\t'));
  if (!needsQuotes) {
    return std::string(text);
  }
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  out += '"';
  return out;
}

struct ScenarioModel {
  std::string field;      // the id as a CSV field
  int trueLevel = 0;      // ordinal of the response the case calls for
  double ambiguity = 0.0; // extra spread: how contested the case is
};

ScenarioModel scenarioModel(const std::string& id) {
  struct Bundled {
    std::string_view id;
    ResponseLevel level;
    double ambiguity;
  };
  static constexpr std::array<Bundled, 3> kBundled{{
      {"bedtime-battles", ResponseLevel::Advice, 0.35},
      {"monday-absences", ResponseLevel::EarlyHelp, 0.5},
      {"mark-on-the-cheek", ResponseLevel::S47, 0.3},
  }};
  for (const auto& bundled : kBundled) {
    if (bundled.id == id) {
      return {csvField(id), sim::core::ordinal(bundled.level), bundled.ambiguity};
    }
  }
  const std::uint64_t hash = fnv1a(id);
  return {csvField(id), static_cast<int>(hash % kLevels),
          0.2 + 0.1 * static_cast<double>((hash >> 8U) % 5U)};
}

struct TraineeModel {
  std::string id;
  double bias = 0.0;      // threshold bias in levels, -1..+1 (team part + own part)
  double noise = 0.0;     // spread of their decisions, in levels
  double riskNoise = 0.0; // spread of their harm estimates
  std::string team;
  std::string cohort; // empty for some trainees
};

// `number` in decimal with leading zeros up to `width` digits.
std::string padded(int number, std::size_t width) {
  std::string digits = std::to_string(number);
  return std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits;
}

std::vector<TraineeModel> traineeModels(Random& random, int trainees, int teams) {
  std::vector<double> teamBias;
  for (int k = 0; k < teams; ++k) {
    teamBias.push_back(random.between(-0.3, 0.3));
  }
  const std::size_t width = std::max<std::size_t>(3, std::to_string(trainees).size());
  std::vector<TraineeModel> out;
  out.reserve(static_cast<std::size_t>(trainees));
  for (int t = 0; t < trainees; ++t) {
    TraineeModel model;
    model.id = "t" + padded(t + 1, width);
    // Trainees are in teams of consecutive ids.
    const int team = static_cast<int>(static_cast<std::int64_t>(t) * teams / trainees);
    model.team = "team-" + padded(team + 1, 2);
    model.bias = teamBias[static_cast<std::size_t>(team)] + random.between(-0.7, 0.7);
    model.noise = random.between(0.25, 0.75);
    model.riskNoise = random.between(0.03, 0.12);
    const auto cohort = random.below(kCohorts.size() + 1); // one in five: no cohort given
    model.cohort = cohort < kCohorts.size() ? std::string(kCohorts.at(cohort)) : std::string();
    out.push_back(std::move(model));
  }
  return out;
}

// A probability rounded to hundredths and kept in 0.01..0.99, as the number of hundredths.
int hundredths(double p) {
  const double clamped = std::clamp(p, 0.01, 0.99);
  return static_cast<int>(std::floor(clamped * 100.0 + 0.5));
}

class Writer {
public:
  explicit Writer(std::FILE* file) : m_file(file) { m_buffer.reserve(kFlushAt + 4096); }

  void text(std::string_view s) { m_buffer.append(s); }
  void comma() { m_buffer += ','; }
  void digit(int d) { m_buffer += static_cast<char>('0' + d); }
  void hundredthsOfOne(int h) { // 1..99 -> "0.01".."0.99"
    m_buffer += "0.";
    digit(h / 10);
    digit(h % 10);
  }
  void endRow() {
    m_buffer += '\n';
    if (m_buffer.size() >= kFlushAt) {
      flush();
    }
  }
  bool flush() {
    if (!m_buffer.empty() &&
        std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size()) {
      m_failed = true;
    }
    m_buffer.clear();
    return !m_failed;
  }
  [[nodiscard]] bool failed() const { return m_failed; }

private:
  static constexpr std::size_t kFlushAt = std::size_t{1} << 20U;
  std::FILE* m_file;
  std::string m_buffer;
  bool m_failed = false;
};

struct Options {
  std::int64_t rows = 0;
  std::uint64_t seed = 1;
  int trainees = 40;
  int teams = 4;
  bool traineePerRow = false; // every row by a trainee of its own, in shuffled order
  std::vector<std::string> scenarios{"bedtime-battles", "monday-absences", "mark-on-the-cheek"};
  std::string out;
};

void writeDecisions(const Options& options, Writer& writer) {
  Random random(options.seed);
  const int traineeCount =
      options.traineePerRow ? static_cast<int>(options.rows) : options.trainees;
  const auto trainees = traineeModels(random, std::max(traineeCount, 1), options.teams);
  // With a trainee per row, row i is by trainee order[i]: a Fisher-Yates shuffle, so the ids
  // are all different and not in sorted order.
  std::vector<std::uint32_t> order;
  if (options.traineePerRow) {
    order.resize(trainees.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      order[i] = static_cast<std::uint32_t>(i);
    }
    for (std::size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[random.below(i)]);
    }
  }
  std::vector<ScenarioModel> scenarios;
  for (const auto& id : options.scenarios) {
    scenarios.push_back(scenarioModel(id));
  }

  writer.text("trainee,scenario,decision,need_level,p_harm,p_rereferral,team,cohort");
  writer.endRow();
  for (std::int64_t i = 0; i < options.rows && !writer.failed(); ++i) {
    const auto& trainee = options.traineePerRow ? trainees[order[static_cast<std::size_t>(i)]]
                                                : trainees[random.below(trainees.size())];
    const auto& scenario = scenarios[random.below(scenarios.size())];

    double leaning = static_cast<double>(scenario.trueLevel) + trainee.bias;
    leaning += trainee.noise * random.normal();
    leaning += scenario.ambiguity * random.normal();
    const int level = std::clamp(static_cast<int>(std::floor(leaning + 0.5)), 0, kLevels - 1);
    const auto index = static_cast<std::size_t>(level);

    // Need level follows the decision, one level off now and then; sometimes not given.
    int need = kNeedOfLevel.at(index);
    if (random.chance(0.1)) {
      need = std::clamp(need + (random.chance(0.5) ? 1 : -1), 1, 4);
    }
    const bool giveNeed = !random.chance(0.05);

    // The harm estimate leans on the decision taken and, less, on the case itself.
    double harm = 0.6 * kHarmOfLevel.at(index) +
                  0.4 * kHarmOfLevel.at(static_cast<std::size_t>(scenario.trueLevel));
    harm += trainee.riskNoise * random.normal();
    const bool giveHarm = !random.chance(0.08);

    // Re-referral is likelier when the response fell short of what the case called for.
    double rereferral = 0.12 + 0.15 * static_cast<double>(std::max(0, scenario.trueLevel - level));
    rereferral += 0.05 * random.normal();
    const bool giveRereferral = !random.chance(0.25);

    writer.text(trainee.id);
    writer.comma();
    writer.text(scenario.field);
    writer.comma();
    writer.text(sim::core::tokenOf(static_cast<ResponseLevel>(level)));
    writer.comma();
    if (giveNeed) {
      writer.digit(need);
    }
    writer.comma();
    if (giveHarm) {
      writer.hundredthsOfOne(hundredths(harm));
    }
    writer.comma();
    if (giveRereferral) {
      writer.hundredthsOfOne(hundredths(rereferral));
    }
    writer.comma();
    writer.text(trainee.team);
    writer.comma();
    writer.text(trainee.cohort);
    writer.endRow();
  }
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"frontdoor-gen-decisions: write a synthetic decisions CSV (trainee, scenario, "
               "decision, need_level, p_harm, p_rereferral, team, cohort). Exit 0 written, "
               "1 output not writable, 2 usage."};
  Options options;
  app.add_option("--rows", options.rows, "Number of decision rows")
      ->required()
      ->check(CLI::Range(std::int64_t{0}, kMostRows));
  app.add_option("--seed", options.seed, "Random seed: the same seed gives the same file")
      ->capture_default_str();
  app.add_option("--trainees", options.trainees, "Number of trainees (t001, t002, ...)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  app.add_option("--scenarios", options.scenarios, "Scenario ids, comma-separated")
      ->capture_default_str()
      ->delimiter(',');
  app.add_option("--teams", options.teams, "Number of teams the trainees are in")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000));
  app.add_flag("--trainee-per-row", options.traineePerRow,
               "Every row by a trainee of its own (as many trainees as rows, at most 10,000,000, "
               "in shuffled order); --trainees is then ignored");
  app.add_option("--out", options.out, "Output file (default: standard output)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  for (const auto& id : options.scenarios) {
    if (id.empty()) {
      std::fprintf(stderr, "frontdoor-gen-decisions: --scenarios: empty scenario id in the list\n");
      return 2;
    }
  }
  if (options.traineePerRow && options.rows > kMostDistinctRows) {
    std::fprintf(stderr, "frontdoor-gen-decisions: --trainee-per-row: at most %lld rows\n",
                 static_cast<long long>(kMostDistinctRows));
    return 2;
  }
  if (options.scenarios.empty()) {
    std::fprintf(stderr, "frontdoor-gen-decisions: --scenarios: give at least one id\n");
    return 2;
  }

  std::FILE* file = stdout;
  if (!options.out.empty()) {
    file = std::fopen(options.out.c_str(), "wb");
    if (file == nullptr) {
      std::fprintf(stderr, "frontdoor-gen-decisions: cannot write %s: %s\n", options.out.c_str(),
                   std::strerror(errno));
      return 1;
    }
  }
  Writer writer(file);
  writeDecisions(options, writer);
  bool ok = writer.flush();
  ok = std::fflush(file) == 0 && ok;
  if (file != stdout) {
    ok = std::fclose(file) == 0 && ok;
  }
  if (!ok) {
    std::fprintf(stderr, "frontdoor-gen-decisions: cannot write %s: %s\n",
                 options.out.empty() ? "standard output" : options.out.c_str(),
                 std::strerror(errno));
    return 1;
  }
  return 0;
}
