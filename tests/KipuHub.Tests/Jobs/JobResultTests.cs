using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using Newtonsoft.Json.Linq;

namespace KipuHub.Tests.Jobs;

[TestFixture]
public class JobResultTests
{
    [Test]
    public void Counts_come_from_counts_and_probabilities_from_their_share()
    {
        var result = new JobResult(new Job { Id = "j", Shots = 4 }, JObject.Parse("""{"counts":{"00":3,"11":1}}"""));
        Assert.That(result.Counts, Is.EqualTo(new Dictionary<string, long> { ["00"] = 3, ["11"] = 1 }));
        Assert.That(result.Probabilities["00"], Is.EqualTo(0.75));
    }

    [Test]
    public void Counts_fall_back_to_histogram_times_shots()
    {
        var result = new JobResult(new Job { Id = "j", Shots = 1000 }, JObject.Parse("""{"histogram":{"0":0.5,"3":0.5}}"""));
        Assert.That(result.Counts["3"], Is.EqualTo(500));
        Assert.That(result.Probabilities["0"], Is.EqualTo(0.5));
    }

    [Test]
    public void An_unknown_result_shape_gives_empty_views_and_keeps_the_raw_json()
    {
        var result = new JobResult(new Job { Id = "j" }, JObject.Parse("""{"expectation":-1.1}"""));
        Assert.That(result.Counts, Is.Empty);
        Assert.That((double)result.Raw["expectation"]!, Is.EqualTo(-1.1));
    }

    [Test]
    public void JobFailedException_explains_what_happened_and_what_to_do()
    {
        var ex = new JobFailedException(new Job { Id = "j1", BackendId = "aws.sim.sv1", Status = JobStatus.Failed, ErrorData = JObject.Parse("""{"code":"E1","message":"qubit 7 is dead"}""") });
        Assert.That(ex.Message, Does.Contain("j1").And.Contain("FAILED").And.Contain("qubit 7 is dead").And.Contain("submit a new job"));
        Assert.That((string?)ex.ErrorData!["code"], Is.EqualTo("E1"));
    }
}
