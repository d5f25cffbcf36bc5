package jp.kaigo.ingest;

/** A confirmation or cancellation of an import that is not (or no longer) waiting for one. */
public class ImportNotHeld extends RuntimeException {
    private final ImportStatus status;

    ImportNotHeld(ImportStatus status) {
        super("この取込は確認待ちではありません(" + switch (status) {
            case COMPLETED -> "取込済み";
            case FAILED -> "取り込めなかったファイル";
            case CANCELLED -> "取り消し済み";
            case EXPIRED -> "確認の期限(" + FileImports.HOLD_HOURS + "時間)切れ。もう一度送ってください";
            case RECEIVED, RUNNING, HELD -> "取込中";
        } + ")", null, false, false);
        this.status = status;
    }

    public ImportStatus status() {
        return status;
    }
}
