// build/import-spec.sh runs this: see IntakeOptions.Usage and README, "When the Hub's API changes".
return await KipuHub.SpecIntake.IntakeCommand.MainAsync(args, Console.Out, Console.Error);
