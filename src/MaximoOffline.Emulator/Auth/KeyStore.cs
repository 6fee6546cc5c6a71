using System.Security.Cryptography;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Generation;

namespace MaximoOffline.Emulator.Auth;

internal sealed record ApiKeyEntry(long Id, string UserId, string Key, int Expiration, DateTimeOffset Created)
{
    public bool Revoked { get; set; }
}

// API keys: one per user (a second is BMXAA10051E), revocable. The configured key belongs to the
// integration user from the start.
internal sealed class KeyStore
{
    private readonly Lock _gate = new();
    private readonly List<ApiKeyEntry> _keys = [];
    private readonly TimeProvider _time;
    private long _nextId = 1;

    public KeyStore(string initialKey, string owner, TimeProvider time)
    {
        _time = time;
        _keys.Add(new ApiKeyEntry(_nextId++, owner.ToUpperInvariant(), initialKey, -1, EasternTime.At(time.GetUtcNow())));
    }

    public ApiKeyEntry? Find(string key)
    {
        lock (_gate)
        {
            return _keys.Find(k => k.Key == key);
        }
    }

    public ApiKeyEntry? Create(string userId, int expiration)
    {
        lock (_gate)
        {
            var user = userId.ToUpperInvariant();
            if (_keys.Exists(k => k.UserId == user))
            {
                return null;
            }
            // Real keys are 26 lower-case letters and digits.
            const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            var key = RandomNumberGenerator.GetString(alphabet, 26);
            var entry = new ApiKeyEntry(_nextId++, user, key, expiration, EasternTime.At(_time.GetUtcNow()));
            _keys.Add(entry);
            return entry;
        }
    }

    // Revokes (or restores) one key, or every key when none is named. Returns how many changed.
    public int SetRevoked(string? key, bool revoked)
    {
        lock (_gate)
        {
            var changed = 0;
            foreach (var entry in _keys.Where(k => key is null || k.Key == key))
            {
                entry.Revoked = revoked;
                changed++;
            }
            return changed;
        }
    }

    public bool RemoveFor(string userId)
    {
        lock (_gate)
        {
            return _keys.RemoveAll(k => string.Equals(k.UserId, userId, StringComparison.OrdinalIgnoreCase)) > 0;
        }
    }

    public IReadOnlyList<ApiKeyEntry> All()
    {
        lock (_gate)
        {
            return _keys.ToList();
        }
    }

    // MXAPIAPIKEY served through the same query engine as every other object structure.
    public OsStore AsStore()
    {
        var records = All().Select(k =>
        {
            var rec = new Rec { Rowstamp = RowstampRegions.CounterStart - 1_000_000 + k.Id, RestId = RestId.Encode(k.UserId) };
            rec.Add("apikeytokenid", k.Id);
            rec.Add("userid", k.UserId);
            rec.Add("apikey", k.Key);
            rec.Add("expiration", (long)k.Expiration);
            rec.Add("creationdate", k.Created);
            rec.Add("revoked", k.Revoked);
            return rec;
        }).ToList();
        var source = new Loading.MaterializedSource(ObjectStructures.ApiKey, records);
        return new OsStore(source, new RowstampClock(RowstampRegions.CounterStart), 0);
    }
}
