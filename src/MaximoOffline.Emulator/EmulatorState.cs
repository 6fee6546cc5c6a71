using MaximoOffline.Emulator.Auth;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Faults;
using MaximoOffline.Emulator.Loading;
using MaximoOffline.Emulator.Query;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Emulator;

// The emulator's whole mutable state, swapped as a unit by POST /emulator/reset.
internal sealed class EmulatorState(IOptions<EmulatorOptions> options, TimeProvider time)
{
    private readonly StablePages _stablePages = new(time);
    private readonly Lock _gate = new();
    private Dataset? _data;
    private KeyStore? _keys;
    private volatile Variations _variations = Variations.From(options.Value);

    public EmulatorOptions Options => options.Value;
    public TimeProvider Time => time;
    public SessionStore Sessions { get; } = new();
    public FaultRegistry Faults { get; } = new();
    public StablePages StablePages => _stablePages;

    // How this server differs from the well-behaved one; read once per request.
    public Variations Variations
    {
        get => _variations;
        set => _variations = value;
    }

    public Dataset Data
    {
        get
        {
            lock (_gate)
            {
                return _data ??= Load();
            }
        }
    }

    public KeyStore Keys
    {
        get
        {
            lock (_gate)
            {
                return _keys ??= new KeyStore(Options.ApiKey, Options.ApiKeyUser, time);
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _data = Load();
            _keys = null;
        }
        Variations = Variations.From(Options);
        Sessions.Clear();
        Faults.Clear();
        StablePages.Clear();
    }

    private Dataset Load() =>
        Options.DataDirectory is { Length: > 0 } dir
            ? SavedResponseLoader.Load(dir, (ulong)Options.Seed)
            : Dataset.Generate(Math.Max(1, Options.Scale), Options.Seed, Options.WithoutChildren);
}
