namespace Halo.Odla.Native;

/// <summary>
/// The result of an ODLA API call, equal to <c>odla_status</c> in <c>include/ODLA/odla_common.h</c> (same order and
/// values; a test compares them with the header).
/// </summary>
public enum OdlaStatus
{
    /// <summary>ODLA_SUCCESS: the call succeeded.</summary>
    Success = 0,

    /// <summary>ODLA_DL_ERROR: loading a shared library failed.</summary>
    DlError = 1,

    /// <summary>ODLA_FILE_NOT_EXIST: a file does not exist.</summary>
    FileNotExist = 2,

    /// <summary>ODLA_INVALID_PARAM: an argument is invalid (null handle, bad shape, unbound argument, ...).</summary>
    InvalidParam = 3,

    /// <summary>ODLA_MEM_ERROR: allocating or freeing memory failed.</summary>
    MemError = 4,

    /// <summary>ODLA_UNSUPPORTED_DATATYPE: the runtime does not support an element type for the operation.</summary>
    UnsupportedDatatype = 5,

    /// <summary>ODLA_UNSUPPORTED_DEVICE_TYPE: the runtime does not provide the requested device.</summary>
    UnsupportedDeviceType = 6,

    /// <summary>ODLA_UNSUPPORTED_OP: the runtime does not implement the operator or function.</summary>
    UnsupportedOp = 7,

    /// <summary>ODLA_TIMEOUT: the operation timed out.</summary>
    Timeout = 8,

    /// <summary>ODLA_INTERNAL_LOGIC_ERR: an internal error of the runtime.</summary>
    InternalLogicError = 9,

    /// <summary>ODLA_RECOVERABLE_ERR: an error the runtime recovers from by itself.</summary>
    RecoverableError = 10,

    /// <summary>ODLA_PARTITION_RESET: an error that needs a partition reset.</summary>
    PartitionReset = 11,

    /// <summary>ODLA_FULL_RESET: an error that needs a full reset.</summary>
    FullReset = 12,

    /// <summary>ODLA_UNRECOVERABLE_ERR: an unrecoverable error.</summary>
    UnrecoverableError = 13,

    /// <summary>ODLA_FAILURE: any other failure.</summary>
    Failure = 14,
}
