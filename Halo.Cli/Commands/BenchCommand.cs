using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Halo.Cli.Execution;
using Halo.Core.Diagnostics;
using Halo.Core.Semantics;

namespace Halo.Cli.Commands;

/// <summary><c>halo bench MODEL... [--backend B] [--threads N] [--iterations N] [--warmup N]</c>: times whole-model runs
/// after warm-up and prints one line per model: <c>NAME backend=B threads=N median_ms=X min_ms=Y iterations=K</c>.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var models = new Argument<FileInfo[]>("MODEL") { Description = "The model files (.onnx)", Arity = ArgumentArity.OneOrMore };
        var backend = BackendOption.Create();
        var threads = new Option<int?>("--threads", "-t") { Description = "Threads per run (interpret); default: the processor count" };
        var iterations = new Option<int>("--iterations", "-n") { Description = "Timed runs per model", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup", "-w") { Description = "Untimed runs before timing", DefaultValueFactory = _ => 3 };
        var command = new Command("bench", "Time whole-model runs on the model's first test set (or seeded random inputs)")
        {
            models, backend, threads, iterations, warmup,
        };
        command.SetAction(parse => Run(parse.GetValue(models)!, parse.GetValue(backend)!, parse.GetValue(threads),
            parse.GetValue(iterations), parse.GetValue(warmup), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(FileInfo[] modelFiles, string backendName, int? threads, int iterations, int warmup, TextWriter output, TextWriter error)
    {
        var bag = new DiagnosticBag();
        if (threads is < 1)
        {
            bag.Report(BenchDiagnostics.InvalidCount, null, "--threads", "at least 1", threads.Value);
        }
        if (iterations < 1)
        {
            bag.Report(BenchDiagnostics.InvalidCount, null, "--iterations", "at least 1", iterations);
        }
        if (warmup < 0)
        {
            bag.Report(BenchDiagnostics.InvalidCount, null, "--warmup", "0 or more", warmup);
        }
        if (threads is { } n && backendName != "interpret" && ModelExecutors.Names.Contains(backendName))
        {
            bag.Report(BenchDiagnostics.ThreadsIgnored, null, backendName, n, backendName == OdlaExecutor.BackendName
                ? "the ODLA runtime's thread count comes from the ODLA_NUM_THREADS environment variable"
                : "it runs single-threaded");
        }
        if (DiagnosticWriter.Write(bag.ToImmutable(), error))
        {
            return 1;
        }
        var pipeline = HaloHost.CreatePipeline();
        if (BackendOption.Resolve(backendName, pipeline.Registry, error, threads) is not { } executor)
        {
            return 1;
        }
        int effectiveThreads = backendName switch
        {
            "interpret" => threads ?? Environment.ProcessorCount,
            OdlaExecutor.BackendName => OdlaRuntimeThreads(),
            _ => 1,
        };
        int failures = 0;
        foreach (var file in modelFiles)
        {
            if (Bench(pipeline, file.FullName, executor, iterations, warmup, error) is not { } times)
            {
                failures++;
                continue;
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ModelName(file.FullName)} backend={executor.Name} threads={effectiveThreads} median_ms={Median(times):F3} min_ms={times.Min():F3} iterations={times.Count}"));
        }
        return failures == 0 ? 0 : 1;
    }

    private static List<double>? Bench(Halo.Core.Compilation.CompilationPipeline pipeline, string path, IModelExecutor executor,
        int iterations, int warmup, TextWriter error)
    {
        using var loaded = LoadedModel.Load(pipeline, path, executor, format: null);
        if (DiagnosticWriter.Write(loaded.Diagnostics, error) || !loaded.Ok)
        {
            return null;
        }
        var bag = new DiagnosticBag();
        var inputs = BenchInputs.Create(path, loaded.Model!.Graph, bag);
        if (DiagnosticWriter.Write(bag.ToImmutable(), error) || inputs is null)
        {
            return null;
        }
        try
        {
            for (int i = 0; i < warmup; i++)
            {
                loaded.Prepared!.Run(inputs);
            }
            var times = new List<double>(iterations);
            for (int i = 0; i < iterations; i++)
            {
                long start = Stopwatch.GetTimestamp();
                loaded.Prepared!.Run(inputs);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return times;
        }
        catch (EvaluationException e)
        {
            error.WriteLine(Diagnostic.Create(ExecutionDiagnostics.ExecutionFailed, ModelLocation.OfFile(path), e.Message));
            return null;
        }
    }

    /// <summary>The model's name: the file name without extension, or the folder's name for the usual <c>model.onnx</c>.</summary>
    internal static string ModelName(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        return name == "model" && Path.GetFileName(Path.GetDirectoryName(path)) is { Length: > 0 } folder ? folder : name;
    }

    /// <summary>The threads the reference runtime uses: ODLA_NUM_THREADS when it is a positive number (at most 256),
    /// else the processor count, as its thread pool decides.</summary>
    private static int OdlaRuntimeThreads()
    {
        var text = Environment.GetEnvironmentVariable("ODLA_NUM_THREADS");
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
            ? Math.Min(n, 256)
            : Environment.ProcessorCount;
    }

    private static double Median(List<double> times)
    {
        var sorted = times.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
