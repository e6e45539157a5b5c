// frontdoor-cli entry point: argument parsing (CLI11) and dispatch to subcommands.
// Usage errors exit with status 2.
#include "tools/cli/play_command.hpp"
#include "tools/cli/report_command.hpp"
#include "tools/cli/store_commands.hpp"
#include "tools/cli/terminal_output.hpp"
#include "tools/cli/validate_command.hpp"
#include "tools/cli/workshop_command.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

int run(int argc, char** argv);

} // namespace

int main(int argc, char** argv) {
  // Every message goes through one terminal-safe formatter, and a command whose output was
  // not written whole fails.
  sim::cli::SafeErrorBuffer safeErrors;
  std::streambuf* const original = std::cerr.rdbuf(&safeErrors);
  int status = run(argc, argv);
  if (!sim::cli::standardOutputWritten(std::cout, std::cerr) && status == 0) {
    status = 1;
  }
  safeErrors.finish();
  std::cerr.rdbuf(original);
  return status;
}

namespace {

int run(int argc, char** argv) {
  CLI::App app{"frontdoor-cli: scenarios, attempts and reports for Frontdoor, without the GUI"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "frontdoor-cli 0.1.0");

  std::vector<std::string> validatePaths;
  bool quiet = false;
  auto* validate = app.add_subcommand(
      "validate", "Load scenario files or folders (recursively) and print every problem as "
                  "FILE:LINE:COL: error|warning: message. Exit 0 no errors, 1 errors, 2 usage.");
  validate->add_option("PATH", validatePaths, "Scenario files or folders")->required();
  validate->add_flag("-q,--quiet", quiet, "Do not print the summary line on stderr");

  sim::cli::PlayOptions play;
  auto* playCommand = app.add_subcommand(
      "play", "Run a scripted attempt (an action file; see scenarios/ACTIONS.md) and print the "
              "transcript and the debrief of each decision. Exit 0 played, 1 bad input.");
  playCommand->add_option("SCENARIO", play.scenarioPath, "Scenario file")->required();
  playCommand->add_option("--actions", play.actionsPath, "Action file, one action per line")
      ->required();
  playCommand->add_flag("--json", play.json, "Print JSON instead of text");
  playCommand->add_option("--log", play.logPath, "Also write the event log to this file");
  playCommand->add_option("--practitioner", play.practitionerId,
                          "Record the attempt in the results store under this pseudonymous id");
  playCommand->add_option("--name", play.practitionerName, "Display name when recording");
  playCommand->add_option("--team", play.team, "Team when recording");
  playCommand->add_option("--cohort", play.cohort, "Cohort when recording");
  playCommand->add_option("--db", play.database,
                          "Results database (default: $FRONTDOOR_DB, else "
                          "$XDG_DATA_HOME/frontdoor/results.sqlite)");
  playCommand->add_option("--rubric", play.rubricPath,
                          "Score with this rubric file (default: the built-in rubric, as in "
                          "scenarios/rubric.toml)");

  sim::cli::ReportOptions report;
  auto* reportCommand = app.add_subcommand(
      "report", "Analytics over many decisions from a decisions CSV: conversion, agreement with "
                "the panels and among practitioners, calibration, by team and cohort. Exit 0 "
                "reported, 1 bad input, 2 usage.");
  reportCommand->add_option("--decisions", report.decisionsPath, "Decisions CSV")->required();
  reportCommand->add_option("--scenarios", report.scenariosPath,
                            "Folder of scenarios: compare the decisions with their panels");
  reportCommand->add_option("--format", report.format, "text, json, csv or html")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}));
  reportCommand->add_option("--out", report.outPath, "Write the report to this file");
  reportCommand->add_flag("--strict", report.strict, "Fail (exit 1) if any row is bad");

  sim::cli::ExportOptions exportOptions;
  auto* exportCommand = app.add_subcommand(
      "export", "Write the decisions in the results database as a decisions table (CSV), the "
                "input of `report`. Exit 0 written, 1 database or file problem.");
  exportCommand->add_option("--db", exportOptions.database, "Results database");
  exportCommand->add_option("--practitioner", exportOptions.practitioner,
                            "Only this practitioner's decisions");
  exportCommand->add_option("--out", exportOptions.outPath, "Write to this file");
  exportCommand
      ->add_option("--format", exportOptions.format,
                   "csv (a decisions table), html (a printable practice report), xapi "
                   "(xAPI statements, JSON) or results (a results file for another "
                   "machine's `import`)")
      ->check(CLI::IsMember({"csv", "html", "xapi", "results"}));
  exportCommand->add_option("--scenarios", exportOptions.scenarios,
                            "Scenario folder, for readable activity names in xAPI");
  std::string importDatabase;
  std::string importFile;
  std::string importScenarios;
  auto* importCommand = app.add_subcommand(
      "import", "Add results from another machine (a results file, .json) or a decisions table "
                "from a workshop on paper (.csv). Attempts already present are skipped. Exit 0 "
                "imported, 1 bad input.");
  importCommand->add_option("FILE", importFile, "Results file or decisions table")->required();
  importCommand->add_option("--db", importDatabase, "Results database");
  importCommand->add_option("--scenarios", importScenarios,
                            "Case library to replay imported attempts against (default: "
                            "$FRONTDOOR_SCENARIOS, else the bundled cases)");
  std::string eraseDatabase;
  std::string erasePractitioner;
  auto* eraseCommand = app.add_subcommand(
      "erase", "Remove everything about one practitioner from the results database and say "
               "what was removed. Exit 0 done, 1 database problem.");
  eraseCommand->add_option("PRACTITIONER", erasePractitioner, "Pseudonymous id")->required();
  eraseCommand->add_option("--db", eraseDatabase, "Results database");

  sim::cli::WorkshopOptions workshop;
  auto* workshopCommand = app.add_subcommand(
      "workshop", "Run a scripted workshop (a plan, or one scenario with its default plan, and a "
                  "file of facilitator steps and votes; see scenarios/WORKSHOPS.md), print what "
                  "the projector shows at each step and record the workshop. Exit 0 run, 1 bad "
                  "input.");
  workshopCommand->add_option("PLAN", workshop.planPath, "Workshop plan or scenario file")
      ->required();
  workshopCommand->add_option("--votes", workshop.votesPath, "Facilitator steps and votes")
      ->required();
  workshopCommand->add_option("--db", workshop.database, "Results database");
  workshopCommand->add_option("--scenarios", workshop.scenarios,
                              "Case library (default: the cases beside the plan)");
  workshopCommand->add_option("--csv", workshop.csvPath,
                              "Also write the room's final votes as a decisions table (the input "
                              "of `report`; team = table, cohort = the workshop)");
  workshopCommand->add_option("--html", workshop.htmlPath,
                              "Also write the printable workshop report (HTML)");
  workshopCommand->add_option("--xapi", workshop.xapiPath,
                              "Also write one xAPI statement per vote (JSON)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  if (validate->parsed()) {
    return sim::cli::runValidate(validatePaths, quiet, std::cout, std::cerr);
  }
  if (exportCommand->parsed()) {
    return sim::cli::runExport(exportOptions, std::cout, std::cerr);
  }
  if (importCommand->parsed()) {
    return sim::cli::runImport({importDatabase, importFile, importScenarios}, std::cout, std::cerr);
  }
  if (workshopCommand->parsed()) {
    return sim::cli::runWorkshop(workshop, std::cout, std::cerr);
  }
  if (eraseCommand->parsed()) {
    return sim::cli::runErase(eraseDatabase, erasePractitioner, std::cout, std::cerr);
  }
  if (reportCommand->parsed()) {
    return sim::cli::runReport(report, std::cout, std::cerr);
  }
  if (playCommand->parsed()) {
    return sim::cli::runPlay(play, std::cout, std::cerr);
  }
  return 2;
}

} // namespace
