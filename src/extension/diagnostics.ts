import * as vscode from 'vscode';
import type { AnalysisEvent, AnalysisService } from './analysisService';
import { DIAGNOSTIC_SOURCE } from './constants';
import { toDiagnostics } from './convert';
import { guardListener, type Logger } from './log';

/** Publishes every analysis as diagnostics, and clears them when a document stops being analysed. */
export function registerDiagnostics(service: AnalysisService, log: Logger): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const didAnalyze = (event: AnalysisEvent): void => {
    if (event.analysis) collection.set(event.uri, toDiagnostics(event.analysis.findings));
    else collection.delete(event.uri);
  };
  return vscode.Disposable.from(collection, service.onDidAnalyze(guardListener(log, 'publishing diagnostics', didAnalyze)));
}
