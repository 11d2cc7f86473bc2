import express from 'express';
import Router from 'express-promise-router';
import type { HealthResponse } from '@release-management/plugin-release-management-common';

/**
 * Builds the plugin's HTTP API. Each route stays thin: credentials, input
 * validation, authorization, one service call, response.
 */
export async function createRouter(): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok' };
    res.json(body);
  });

  return router;
}
