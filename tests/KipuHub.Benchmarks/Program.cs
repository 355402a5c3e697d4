using KipuHub.Benchmarks;

return await BenchmarkApp.MainAsync(args);
