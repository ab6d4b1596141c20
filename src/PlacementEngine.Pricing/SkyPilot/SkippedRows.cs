namespace PlacementEngine.Pricing;

/// <summary>Rows a SkyPilot catalog import leaves out on purpose, counted so the admin sees them in the result's notes.</summary>
internal sealed class SkippedRows
{
    public int Unpriced { get; set; }

    public int RepeatedVerbatim { get; set; }

    public int NonGpuAccelerators { get; set; }

    public int HostsWithoutGpuRow { get; set; }

    public int UnknownAcceleratorMachines { get; set; }

    public IReadOnlyList<string> ToNotes()
    {
        var notes = new List<string>();
        Note(notes, Unpriced, "rows with neither an on-demand nor a spot price");
        Note(notes, RepeatedVerbatim, "rows repeating an earlier row with the same prices");
        Note(notes, NonGpuAccelerators, "accelerator rows that are not GPUs (TPUs): no host VM to add them to");
        Note(notes, HostsWithoutGpuRow, "GPU machine rows whose GPU price row is missing in the same zone");
        Note(notes, UnknownAcceleratorMachines, "machines of an accelerator series with no known built-in GPU");
        return notes;
    }

    private static void Note(List<string> notes, int count, string what)
    {
        if (count > 0)
        {
            notes.Add($"skipped {count} {what}");
        }
    }
}
